using ChatBot.Core.Views;

namespace ChatBot.Persistence.Playground;

/// <summary>
/// One message in the local playground channel: what a person typed, or what the bot posted (a neutral view,
/// rendered by the page). Ephemeral messages are visible only to <see cref="VisibleTo"/>.
/// </summary>
public sealed class PlaygroundMessage
{
    private PlaygroundMessage() { }

    public PlaygroundMessage(string id, string channelId, string? threadId, string author, ChatView view, string? visibleTo, DateTimeOffset now)
    {
        Id = id;
        ChannelId = channelId;
        ThreadId = threadId;
        Author = author;
        View = view;
        VisibleTo = visibleTo;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public long Sequence { get; private set; }
    public string Id { get; private set; } = "";
    public string ChannelId { get; private set; } = "";
    public string? ThreadId { get; private set; }
    /// <summary>"bot" or the person's user id.</summary>
    public string Author { get; private set; } = "";
    public ChatView View { get; private set; } = null!;
    public string? VisibleTo { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Replace(ChatView view, DateTimeOffset now)
    {
        View = view;
        UpdatedAt = now;
    }
}
