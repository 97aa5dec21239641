using ChatBot.Core.Chat;
using ChatBot.Core.Common;

namespace ChatBot.Core.Runs;

/// <summary>
/// One agent job from request to receipt. Every status change goes through <see cref="MoveTo"/>, which enforces
/// <see cref="RunStateMachine"/> and bumps <see cref="Version"/>, the optimistic-concurrency token that stops two
/// nodes (or two clicks) from both moving the same run.
/// </summary>
public sealed class Run
{
    private Run() { }

    public Run(string workspaceId, RunSource source, string request, ChatAddress? address, ChatUser? requestedBy, DateTimeOffset now)
    {
        Id = Ids.NewRunId();
        CorrelationId = Ids.NewCorrelationId();
        WorkspaceId = workspaceId;
        Source = source;
        Request = request;
        Address = address;
        RequestedBy = requestedBy;
        Status = RunStatus.Queued;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Id { get; private set; } = "";
    public string WorkspaceId { get; private set; } = "";
    public RunSource Source { get; private set; }
    public string Request { get; private set; } = "";
    /// <summary>Where the result and receipt go; null for pull-only API runs.</summary>
    public ChatAddress? Address { get; private set; }
    public ChatUser? RequestedBy { get; private set; }
    public RunStatus Status { get; private set; }
    public string CorrelationId { get; private set; } = "";
    public int EstimatedCredits { get; set; }
    public int CreditsUsed { get; private set; }
    public List<string> ToolsUsed { get; private set; } = [];
    public int ApprovalsRequired { get; private set; }
    public int ApprovalsGranted { get; private set; }
    public string? ModelUsed { get; set; }
    /// <summary>The receipt's first-line action, written by the model ("Summarized last 24h of #customer-feedback").</summary>
    public string? Headline { get; private set; }
    /// <summary>The receipt's outcome ("3 themes, 4 follow-ups owned").</summary>
    public string? Summary { get; private set; }
    public string? Output { get; private set; }
    public string? FailureReason { get; private set; }
    public string? DecidedBy { get; private set; }
    /// <summary>The last action that needed approval, in words; a denial or expiry receipt names it.</summary>
    public string? PendingAction { get; private set; }
    /// <summary>Serialized agent state (messages and the pending tool call) kept while awaiting approval.</summary>
    public string? Transcript { get; set; }
    /// <summary>The in-place progress message, once the run has been slow enough to need one.</summary>
    public string? StatusMessageId { get; set; }
    public string? Timezone { get; set; }
    public Dictionary<string, string> Metadata { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Attempts at the run so far, counted truly: a claim, and a node taking up the attempt of one that died, each add one.</summary>
    public int Attempt { get; private set; }
    /// <summary>The node (<c>Jobs__InstanceName</c>) that executes, or last executed, the run.</summary>
    public string? Node { get; private set; }
    /// <summary>When the current attempt started on <see cref="Node"/> (<see cref="StartedAt"/> is the first one's).</summary>
    public DateTimeOffset? AttemptStartedAt { get; private set; }
    public int Version { get; private set; }

    public bool IsTerminal => RunStateMachine.IsTerminal(Status);

    public void Start(DateTimeOffset now, string? node = null)
    {
        MoveTo(RunStatus.Running, now);
        StartedAt ??= now;
        BeginAttempt(node, now);
    }

    /// <summary>
    /// A node takes up a running attempt whose job came back to the store (its node died, or the job failed before it
    /// recorded an outcome): the agent starts again there, so it is a new attempt.
    /// </summary>
    public void Retake(string node, DateTimeOffset now)
    {
        if (Status != RunStatus.Running)
            throw new InvalidTransitionException(nameof(Run), Id, Status.ToString(), RunStatus.Running.ToString());
        BeginAttempt(node, now);
        UpdatedAt = now;
        Version++;
    }

    /// <summary>An approved run continues on <paramref name="node"/>, in the same attempt.</summary>
    public void ContinueOn(string node, DateTimeOffset now)
    {
        if (Status != RunStatus.Running)
            throw new InvalidTransitionException(nameof(Run), Id, Status.ToString(), RunStatus.Running.ToString());
        Node = node;
        UpdatedAt = now;
        Version++;
    }

    private void BeginAttempt(string? node, DateTimeOffset now)
    {
        Attempt++;
        Node = node;
        AttemptStartedAt = now;
    }

    /// <summary>A retried attempt gives its claim back so another worker can pick the run up again.</summary>
    public void Requeue(DateTimeOffset now) => MoveTo(RunStatus.Queued, now);

    public void AwaitApproval(string actionText, DateTimeOffset now)
    {
        MoveTo(RunStatus.AwaitingApproval, now);
        ApprovalsRequired++;
        PendingAction = actionText;
    }

    public void ResumeApproved(string approvedBy, DateTimeOffset now)
    {
        MoveTo(RunStatus.Running, now);
        ApprovalsGranted++;
        DecidedBy = approvedBy;
    }

    public void Succeed(string headline, string summary, string output, DateTimeOffset now)
    {
        MoveTo(RunStatus.Succeeded, now);
        Headline = headline;
        Summary = summary;
        Output = output;
    }

    public void Deny(string deniedBy, DateTimeOffset now)
    {
        MoveTo(RunStatus.Denied, now);
        DecidedBy = deniedBy;
    }

    public void Fail(string reason, DateTimeOffset now)
    {
        MoveTo(RunStatus.Failed, now);
        FailureReason = reason;
    }

    public void Cancel(string? by, DateTimeOffset now)
    {
        MoveTo(RunStatus.Canceled, now);
        DecidedBy = by;
    }

    public void Expire(DateTimeOffset now) => MoveTo(RunStatus.Expired, now);

    /// <summary>Adds usage as it is incurred, so a failed run still reports what the model calls cost.</summary>
    public void Charge(int credits, IEnumerable<string> tools)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(credits);
        CreditsUsed += credits;
        foreach (var tool in tools)
        {
            if (!ToolsUsed.Contains(tool)) ToolsUsed.Add(tool);
        }
    }

    private void MoveTo(RunStatus to, DateTimeOffset now)
    {
        if (!RunStateMachine.CanMove(Status, to))
            throw new InvalidTransitionException(nameof(Run), Id, Status.ToString(), to.ToString());
        Status = to;
        UpdatedAt = now;
        if (RunStateMachine.IsTerminal(to)) CompletedAt = now;
        Version++;
    }
}
