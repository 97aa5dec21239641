using ChatBot.Core.Chat;
using ChatBot.Core.Common;
using ChatBot.Core.Views;

namespace ChatBot.Core.Messaging;

/// <summary>
/// A chat message decided on the request path (or in a job's transaction) and posted later by a delivery job:
/// monitor root messages and updates, confirmations, notices. <see cref="ReplaceMessageId"/> turns it into an update.
/// </summary>
public sealed class OutboundMessage
{
    private OutboundMessage() { }

    public OutboundMessage(ChatAddress to, ChatView view, DateTimeOffset now, string? replaceMessageId = null, string? monitorId = null, ChatUser? directTo = null)
    {
        Id = Ids.NewId("msg_");
        To = to;
        View = view;
        CreatedAt = now;
        ReplaceMessageId = replaceMessageId;
        MonitorId = monitorId;
        DirectTo = directTo;
    }

    public string Id { get; private set; } = "";
    public ChatAddress To { get; private set; } = null!;
    public ChatView View { get; private set; } = null!;
    public string? ReplaceMessageId { get; private set; }
    /// <summary>Set for a monitor's root message, whose id becomes the monitor's thread.</summary>
    public string? MonitorId { get; private set; }
    /// <summary>Set for a direct message to this user instead of a post at <see cref="To"/>.</summary>
    public ChatUser? DirectTo { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? SentMessageId { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public bool IsSent => SentAt is not null;

    public void RecordAttempt() => Attempts++;

    public void RecordSent(string messageId, DateTimeOffset now)
    {
        SentMessageId = messageId;
        SentAt = now;
        LastError = null;
    }

    public void RecordFailure(string error) => LastError = error;
}
