using System.Collections.Concurrent;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;

namespace ChatBot.Testing.Fakes;

/// <summary>
/// An in-process chat platform for tests of the neutral pipeline (jobs, handlers) that don't exercise a
/// platform's wire protocol; the Slack and Teams doubles cover those. Records every post and update.
/// </summary>
public sealed class RecordingMessenger(ChatPlatform platform = ChatPlatform.Playground) : IMessenger
{
    private int _nextId;

    public ChatPlatform Platform { get; } = platform;

    public ConcurrentQueue<RecordedMessage> Messages { get; } = new();

    /// <summary>Set to make the next posts fail, to exercise retries.</summary>
    public int FailNextPosts { get; set; }

    public Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, CancellationToken ct)
    {
        if (FailNextPosts > 0)
        {
            FailNextPosts--;
            throw new HttpRequestException("simulated platform outage");
        }
        var id = $"m{Interlocked.Increment(ref _nextId)}";
        Messages.Enqueue(new RecordedMessage("post", to, id, view, null));
        return Task.FromResult(new PostedMessage(to, id));
    }

    public Task UpdateAsync(PostedMessage message, ChatView view, CancellationToken ct)
    {
        Messages.Enqueue(new RecordedMessage("update", message.Address, message.MessageId, view, null));
        return Task.CompletedTask;
    }

    public Task PostEphemeralAsync(ChatAddress to, ChatUser user, ChatView view, CancellationToken ct)
    {
        Messages.Enqueue(new RecordedMessage("ephemeral", to, "", view, user));
        return Task.CompletedTask;
    }

    public Task SendDirectAsync(ChatAddress workspace, ChatUser user, ChatView view, CancellationToken ct)
    {
        Messages.Enqueue(new RecordedMessage("direct", workspace, "", view, user));
        return Task.CompletedTask;
    }

    public IReadOnlyList<T> Views<T>() where T : ChatView => Messages.Select(m => m.View).OfType<T>().ToList();
}
