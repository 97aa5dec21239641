using ChatBot.Core.Chat;
using ChatBot.Core.Common;

namespace ChatBot.Core.Approvals;

/// <summary>
/// A request to perform one sensitive tool call. Exactly one decision wins: the first move out of pending
/// bumps <see cref="Version"/>, so a concurrent second decision fails its optimistic-concurrency check.
/// </summary>
public sealed class Approval
{
    private Approval() { }

    public Approval(string runId, string workspaceId, string actionText, string toolName, string argumentsJson,
        ChatUser? requestedBy, int estimatedCredits, DateTimeOffset now, TimeSpan lifetime)
    {
        Id = Ids.NewApprovalId();
        RunId = runId;
        WorkspaceId = workspaceId;
        ActionText = actionText;
        ToolName = toolName;
        ArgumentsJson = argumentsJson;
        RequestedBy = requestedBy;
        EstimatedCredits = estimatedCredits;
        Status = ApprovalStatus.Pending;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public string Id { get; private set; } = "";
    public string RunId { get; private set; } = "";
    public string WorkspaceId { get; private set; } = "";
    /// <summary>What will happen, in words a person approves ("Send email to customer@acme.com").</summary>
    public string ActionText { get; private set; } = "";
    public string ToolName { get; private set; } = "";
    public string ArgumentsJson { get; private set; } = "{}";
    /// <summary>The model's id for the pending tool call, to answer it when the run resumes.</summary>
    public string? ToolCallId { get; set; }
    public ChatUser? RequestedBy { get; private set; }
    public int EstimatedCredits { get; private set; }
    public ApprovalStatus Status { get; private set; }
    public ChatUser? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Where the request message was posted, so it can be updated in place when decided.</summary>
    public ChatAddress? RequestAddress { get; private set; }
    public string? RequestMessageId { get; private set; }
    public int Version { get; private set; }

    public bool IsExpiredAt(DateTimeOffset now) => Status == ApprovalStatus.Expired || (Status == ApprovalStatus.Pending && now >= ExpiresAt);

    public void RecordRequestMessage(ChatAddress address, string messageId)
    {
        RequestAddress = address;
        RequestMessageId = messageId;
    }

    public void Approve(ChatUser by, DateTimeOffset now) => Decide(ApprovalStatus.Approved, by, now);

    public void Deny(ChatUser by, DateTimeOffset now) => Decide(ApprovalStatus.Denied, by, now);

    public void Expire(DateTimeOffset now)
    {
        if (Status != ApprovalStatus.Pending)
            throw new InvalidTransitionException(nameof(Approval), Id, Status.ToString(), nameof(ApprovalStatus.Expired));
        Status = ApprovalStatus.Expired;
        DecidedAt = now;
        Version++;
    }

    private void Decide(ApprovalStatus to, ChatUser by, DateTimeOffset now)
    {
        if (Status != ApprovalStatus.Pending || now >= ExpiresAt)
            throw new InvalidTransitionException(nameof(Approval), Id, IsExpiredAt(now) ? nameof(ApprovalStatus.Expired) : Status.ToString(), to.ToString());
        Status = to;
        DecidedBy = by;
        DecidedAt = now;
        Version++;
    }
}
