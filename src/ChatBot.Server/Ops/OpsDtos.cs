using System.Text.Json.Serialization;
using ChatBot.Core.Approvals;
using ChatBot.Core.Monitors;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;

namespace ChatBot.Server.Ops;

// The ops API's response bodies. Several small records in one file: they are one document's parts.

public sealed record DashboardDto(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("uptime")] long Uptime,
    [property: JsonPropertyName("nodes")] IReadOnlyList<WorkerNodeDto> Nodes,
    [property: JsonPropertyName("alerts")] IReadOnlyList<AlertDto> Alerts,
    [property: JsonPropertyName("credits_total")] long CreditsTotal,
    [property: JsonPropertyName("credits_by_window")] IReadOnlyDictionary<string, long> CreditsByWindow,
    [property: JsonPropertyName("spend_by_workspace")] IReadOnlyDictionary<string, long> SpendByWorkspace,
    [property: JsonPropertyName("runs_by_state")] IReadOnlyDictionary<string, long> RunsByState,
    [property: JsonPropertyName("monitors_by_state")] IReadOnlyDictionary<string, long> MonitorsByState,
    [property: JsonPropertyName("pending_approvals")] long PendingApprovals,
    [property: JsonPropertyName("recent_runs")] IReadOnlyList<RunSummaryDto> RecentRuns,
    [property: JsonPropertyName("approvals")] IReadOnlyList<PendingApprovalDto> Approvals,
    [property: JsonPropertyName("monitors")] IReadOnlyList<MonitorSummaryDto> Monitors);

public sealed record WorkerNodeDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("started_at")] DateTimeOffset StartedAt,
    [property: JsonPropertyName("last_seen_at")] DateTimeOffset LastSeenAt,
    [property: JsonPropertyName("running_jobs")] int RunningJobs,
    [property: JsonPropertyName("draining")] bool Draining,
    [property: JsonPropertyName("is_this_node")] bool IsThisNode);

/// <summary>One dashboard alert: what is wrong, and where to fix it (<see cref="Link"/>, when there is a place).</summary>
public sealed record AlertDto(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("link")] string? Link)
{
    public const string WarningSeverity = "warning";
    public const string SetupSeverity = "setup";

    public static AlertDto Warning(string code, string message, string? link = null) => new(code, message, WarningSeverity, link);

    /// <summary>Something not configured yet: shown, but the server is not degraded by it.</summary>
    public static AlertDto Setup(string code, string message, string link) => new(code, message, SetupSeverity, link);
}

public sealed record RunSummaryDto(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("workspace_id")] string WorkspaceId,
    [property: JsonPropertyName("status")] RunStatus Status,
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("headline")] string? Headline,
    [property: JsonPropertyName("credits_used")] int CreditsUsed,
    [property: JsonPropertyName("tools_used")] IReadOnlyList<string> ToolsUsed,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("completed_at")] DateTimeOffset? CompletedAt)
{
    public static RunSummaryDto From(Run run) =>
        new(run.Id, run.WorkspaceId, run.Status, run.Request, run.Headline, run.CreditsUsed, run.ToolsUsed, run.CreatedAt, run.CompletedAt);
}

public sealed record PendingApprovalDto(
    [property: JsonPropertyName("approval_id")] string ApprovalId,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("workspace_id")] string WorkspaceId,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("requested_by")] string? RequestedBy,
    [property: JsonPropertyName("estimated_credits")] int EstimatedCredits,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt);

public sealed record MonitorSummaryDto(
    [property: JsonPropertyName("monitor_id")] string MonitorId,
    [property: JsonPropertyName("workspace_id")] string WorkspaceId,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("kind")] MonitorKind Kind,
    [property: JsonPropertyName("cadence")] Cadence Cadence,
    [property: JsonPropertyName("status")] MonitorStatus Status,
    [property: JsonPropertyName("last_run_at")] DateTimeOffset? LastRunAt,
    [property: JsonPropertyName("consecutive_failures")] int ConsecutiveFailures);

public sealed record TimelineEntryDto(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("detail")] string Detail);

public sealed record RunTimelineDto(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("current_state")] RunStatus CurrentState,
    [property: JsonPropertyName("request")] string Request,
    [property: JsonPropertyName("requested_by")] string? RequestedBy,
    [property: JsonPropertyName("entries")] IReadOnlyList<TimelineEntryDto> Entries,
    [property: JsonPropertyName("tools_used")] IReadOnlyList<string> ToolsUsed,
    [property: JsonPropertyName("credits_used")] int CreditsUsed,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("node")] string? Node,
    [property: JsonPropertyName("model_used")] string? ModelUsed,
    [property: JsonPropertyName("total_duration_ms")] long? TotalDurationMs,
    [property: JsonPropertyName("headline")] string? Headline,
    [property: JsonPropertyName("summary")] string? Summary,
    [property: JsonPropertyName("output")] string? Output,
    [property: JsonPropertyName("failure_reason")] string? FailureReason,
    [property: JsonPropertyName("correlation_id")] string CorrelationId,
    [property: JsonPropertyName("receipt_delivery")] ReceiptDeliveryStatus? ReceiptDelivery)
{
    public static RunTimelineDto From(Run run, IReadOnlyList<Approval> approvals, Receipt? receipt)
    {
        var entries = new List<TimelineEntryDto> { new(run.CreatedAt, "queued", $"requested: {run.Request}") };
        if (run.StartedAt is { } started)
        {
            // The first attempt's start, and the current one's where a node took the run up again.
            var retaken = run.Attempt > 1 && run.AttemptStartedAt is { } latest && latest > started;
            entries.Add(new(started, "started", retaken ? "attempt 1" : Attempt(run.Attempt, run.Node)));
            if (retaken) entries.Add(new(run.AttemptStartedAt!.Value, "retried", Attempt(run.Attempt, run.Node)));
        }
        foreach (var approval in approvals)
        {
            // In full: approval cards cut long bodies and link here.
            entries.Add(new(approval.CreatedAt, "approval_requested",
                ApprovalAction.FullText(approval.ActionText, ApprovalAction.Fields(approval.ToolName, approval.ArgumentsJson))));
            if (approval.DecidedAt is { } decided)
                entries.Add(new(decided, $"approval_{approval.Status.ToString().ToLowerInvariant()}", approval.DecidedBy?.DisplayName ?? ""));
        }
        if (run.CompletedAt is { } completed) entries.Add(new(completed, run.Status.ToString().ToLowerInvariant(), run.FailureReason ?? run.Headline ?? ""));
        if (receipt?.DeliveredAt is { } delivered) entries.Add(new(delivered, "receipt_posted", receipt.Kind.ToString().ToLowerInvariant()));
        var ordered = entries.OrderBy(e => e.At).ToList();
        long? duration = run.CompletedAt is { } end ? (long)(end - run.CreatedAt).TotalMilliseconds : null;
        return new RunTimelineDto(run.Id, run.Status, run.Request, run.RequestedBy?.DisplayName, ordered, run.ToolsUsed, run.CreditsUsed, run.Attempt,
            run.Node, run.ModelUsed, duration, run.Headline, run.Summary, run.Output, run.FailureReason, run.CorrelationId, receipt?.Status);
    }

    private static string Attempt(int attempt, string? node) => node is null ? $"attempt {attempt}" : $"attempt {attempt} on {node}";
}
