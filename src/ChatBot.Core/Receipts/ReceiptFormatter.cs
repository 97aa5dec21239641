using ChatBot.Core.Common;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using Humanizer;

namespace ChatBot.Core.Receipts;

/// <summary>
/// Renders a finished run as the two-line receipt (success ✓, denial ✕, failure ⚠) and as the structured
/// <c>run_receipt</c> event. The same neutral view is drawn by Slack, Teams and the playground.
/// Every receipt is exactly two lines: a failure's multi-line reason is collapsed onto the first.
/// </summary>
public sealed class ReceiptFormatter(ReceiptOptions options)
{
    /// <summary>The longest first line; chat clients wrap anything longer into a third line.</summary>
    public const int MaxTitleLength = 200;

    public const string SuccessMark = "✓";
    public const string DenialMark = "✕";
    public const string FailureMark = "⚠";

    public static ReceiptKind KindOf(Run run) => run.Status switch
    {
        RunStatus.Succeeded => ReceiptKind.Success,
        RunStatus.Denied or RunStatus.Canceled => ReceiptKind.Denial,
        RunStatus.Expired => ReceiptKind.Expired,
        RunStatus.Failed => ReceiptKind.Failure,
        _ => throw new InvalidOperationException($"Run {run.Id} is {run.Status}; only finished runs have receipts."),
    };

    public ReceiptView Format(Run run, ReceiptSettings settings)
    {
        var kind = KindOf(run);
        return kind switch
        {
            ReceiptKind.Success => new ReceiptView(kind, run.Id, Title(SuccessTitle(run)), SuccessDetails(run, settings)),
            ReceiptKind.Denial => new ReceiptView(kind, run.Id,
                Title($"{DenialMark} {(run.Status == RunStatus.Canceled ? "Cancelled" : "Denied")}: {run.PendingAction ?? run.Request}"),
                ChargedDetails(run, settings, $"Cancelled by @{run.DecidedBy ?? "an admin"}")),
            ReceiptKind.Expired => new ReceiptView(kind, run.Id,
                Title($"{DenialMark} Expired: {run.PendingAction ?? run.Request}"),
                ChargedDetails(run, settings, "No approver decided in time")),
            _ => new ReceiptView(kind, run.Id, Title($"{FailureMark} Failed: {FailureLine(run)}"), FailureDetails(run, settings)),
        };
    }

    private static string Title(string text) => OneLine.Of(text, MaxTitleLength);

    private static string FailureLine(Run run) => OneLine.Of(run.FailureReason ?? "unknown error", MaxTitleLength);

    public RunReceipt ToRunReceipt(Run run, string? channel) => new()
    {
        RunId = run.Id,
        WorkspaceId = run.WorkspaceId,
        Channel = channel,
        Status = ApiStatusOf(run.Status),
        StartedAt = run.StartedAt ?? run.CreatedAt,
        CompletedAt = run.CompletedAt,
        Request = run.Request,
        Summary = run.Status == RunStatus.Succeeded ? SummaryLine(run) : run.FailureReason is not null ? FailureLine(run) : run.PendingAction,
        CreditsUsed = run.CreditsUsed,
        ToolsUsed = run.ToolsUsed.ToList(),
        ApprovalsRequired = run.ApprovalsRequired,
        ApprovalsGranted = run.ApprovalsGranted,
        OutputUrl = options.RunDetailsUrl(run.Id),
        ModelUsed = run.ModelUsed,
        CorrelationId = run.CorrelationId,
    };

    /// <summary>The status words of the HTTP APIs: a finished run is completed, failed, denied or expired.</summary>
    public static string ApiStatusOf(RunStatus status) => status switch
    {
        RunStatus.Succeeded => "completed",
        RunStatus.Failed => "failed",
        RunStatus.Denied or RunStatus.Canceled => "denied",
        RunStatus.Expired => "expired",
        RunStatus.Queued => "queued",
        RunStatus.AwaitingApproval => "awaiting_approval",
        _ => "running",
    };

    private static string SummaryLine(Run run) => run.Summary is { Length: > 0 } summary ? summary : run.Headline ?? run.Request;

    private static string SuccessTitle(Run run)
    {
        var headline = run.Headline is { Length: > 0 } h ? h : run.Request;
        return run.Summary is { Length: > 0 } summary ? $"{SuccessMark} {headline} — {summary}" : $"{SuccessMark} {headline}";
    }

    private List<ReceiptSegment> SuccessDetails(Run run, ReceiptSettings settings)
    {
        var details = new List<ReceiptSegment>();
        if (settings.IncludeCredits) details.Add(new("credit".ToQuantity(run.CreditsUsed)));
        if (settings.IncludeTools)
        {
            var tools = ToolDisplayNames.For(run.ToolsUsed);
            if (tools.Count > 0) details.Add(new(string.Join(", ", tools)));
        }
        AddLink(details, run, settings);
        return details;
    }

    private void AddLink(List<ReceiptSegment> details, Run run, ReceiptSettings settings)
    {
        if (settings.IncludeLink) details.Add(new("view details ↗", options.RunDetailsUrl(run.Id)));
    }

    private List<ReceiptSegment> ChargedDetails(Run run, ReceiptSettings settings, string reason)
    {
        var details = new List<ReceiptSegment> { new(reason) };
        if (settings.IncludeCredits) details.Add(new($"{"credit".ToQuantity(run.CreditsUsed)} charged"));
        AddLink(details, run, settings);
        return details;
    }

    private List<ReceiptSegment> FailureDetails(Run run, ReceiptSettings settings)
    {
        var details = new List<ReceiptSegment>();
        // Partial work is charged, so the failure receipt always says what it cost unless credits are hidden.
        if (settings.IncludeCredits) details.Add(new($"{"credit".ToQuantity(run.CreditsUsed)} charged"));
        details.Add(new($"correlation_id {run.CorrelationId}"));
        if (options.SupportContact is { Length: > 0 } support)
            details.Add(new(support, support.Contains('@') && !support.Contains("://") ? $"mailto:{support}" : support));
        AddLink(details, run, settings);
        return details;
    }
}
