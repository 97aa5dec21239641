using ChatBot.Core.Common;
using ChatBot.Core.Receipts;
using ChatBot.Core.Views;

namespace ChatBot.Core.Approvals;

/// <summary>Builds the approval request view every platform draws: the action in full up to a length chat can show, then a link to the run's page.</summary>
public sealed class ApprovalViewFormatter(ReceiptOptions options)
{
    /// <summary>Per field; keeps a Slack section (3000 characters) and a Teams card readable.</summary>
    public const int MaxFieldLength = 1200;

    public ApprovalRequestView Format(Approval approval, ApprovalStatus? shownStatus = null)
    {
        var fields = ApprovalAction.Fields(approval.ToolName, approval.ArgumentsJson);
        var shown = fields.Select(f => f.Value.Length <= MaxFieldLength ? f : f with { Value = OneLine.Clip(f.Value, MaxFieldLength) }).ToList();
        return new ApprovalRequestView(approval.Id, approval.ActionText, approval.RequestedBy?.DisplayName ?? "api",
            approval.EstimatedCredits, shownStatus ?? approval.Status, approval.DecidedBy?.DisplayName, approval.ExpiresAt)
        {
            Fields = shown,
            FieldsTruncated = shown.Where((f, i) => !ReferenceEquals(f, fields[i])).Any(),
            DetailsUrl = options.RunDetailsUrl(approval.RunId),
        };
    }
}
