using ChatBot.Core.Chat;
using ChatBot.Core.Common;
using ChatBot.Core.Views;

namespace ChatBot.Core.Messaging;

/// <summary>
/// One chat post or update, decided at a state change with its view built and stored then, and delivered later by
/// the one delivery job: monitor root messages and updates, approval requests and their updates, progress, answers,
/// receipts, confirmations, notices. A row may depend on an earlier row (<see cref="DependsOnId"/>): replace the
/// message that row posted, post in its thread, or simply after it; the platform id is resolved at delivery.
/// </summary>
public sealed class OutboundMessage
{
    private OutboundMessage() { }

    public OutboundMessage(ChatAddress to, ChatView view, DateTimeOffset now, ChatUser? directTo = null,
        OutboundPurpose purpose = OutboundPurpose.Notice, string? subjectId = null)
    {
        Id = Ids.NewId("msg_");
        To = to;
        View = view;
        CreatedAt = now;
        DirectTo = directTo;
        Purpose = purpose;
        SubjectId = subjectId;
    }

    /// <summary>A row that depends on <paramref name="earlier"/> (replaces its message, posts in its thread, or after it).</summary>
    public static OutboundMessage Following(OutboundMessage earlier, OutboundRelation relation, ChatAddress to, ChatView view, DateTimeOffset now,
        OutboundPurpose purpose = OutboundPurpose.Notice, string? subjectId = null, ChatUser? directTo = null) =>
        new(to, view, now, directTo, purpose, subjectId) { DependsOnId = earlier.Id, Relation = relation };

    public string Id { get; private set; } = "";
    /// <summary>Where it goes; for a row in another row's thread, the thread is filled in at delivery.</summary>
    public ChatAddress To { get; private set; } = null!;
    public ChatView View { get; private set; } = null!;
    public OutboundPurpose Purpose { get; private set; }
    /// <summary>The monitor, approval, run or receipt that learns the posted id (see <see cref="OutboundPurpose"/>).</summary>
    public string? SubjectId { get; private set; }
    public string? DependsOnId { get; private set; }
    public OutboundRelation Relation { get; private set; }
    /// <summary>Set for a direct message to this user instead of a post at <see cref="To"/>.</summary>
    public ChatUser? DirectTo { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    /// <summary>The platform id of the message this row posted, or of the message it replaced.</summary>
    public string? SentMessageId { get; private set; }
    /// <summary>Set before the platform is called and cleared once the outcome is known: a later attempt that finds it set
    /// does not know whether the post arrived, so it looks for it before posting again.</summary>
    public DateTimeOffset? AttemptStartedAt { get; private set; }
    /// <summary>The job that started that attempt: only that job's retry (the same job after its node died) resumes it.</summary>
    public string? AttemptJobId { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Set when delivery gave up (out of retries, or the conversation is gone).</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    public bool IsSent => SentAt is not null;

    public bool IsFinished => SentAt is not null || FailedAt is not null;

    /// <summary>A post whose arrival a lost answer can leave in doubt (an update or a direct message can be repeated harmlessly or not looked up).</summary>
    public bool IsOutcomeUnknown => AttemptStartedAt is not null && SentAt is null;

    /// <summary>Resolves a thread dependency: the message goes in the thread the earlier row's message is in or starts.</summary>
    public void PlaceInThreadOf(OutboundMessage earlier) =>
        To = To.InThread(earlier.To.ThreadId ?? earlier.SentMessageId ?? throw new InvalidOperationException($"Message {earlier.Id} is not sent."));

    public void StartAttempt(string jobId, DateTimeOffset now)
    {
        Attempts++;
        AttemptStartedAt = now;
        AttemptJobId = jobId;
    }

    public void RecordSent(string messageId, DateTimeOffset now)
    {
        SentMessageId = messageId;
        SentAt = now;
        AttemptStartedAt = null;
        LastError = null;
    }

    public void RecordFailure(string error) => LastError = error;

    public void RecordGaveUp(string error, DateTimeOffset now)
    {
        LastError = error;
        FailedAt = now;
        AttemptStartedAt = null;
    }
}
