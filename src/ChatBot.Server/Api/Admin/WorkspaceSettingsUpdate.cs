using ChatBot.Agent.Egress;
using ChatBot.Core.Chat;
using ChatBot.Core.Workspaces;

namespace ChatBot.Server.Api.Admin;

/// <summary>Validates a settings PATCH completely before applying any of it, so a bad field changes nothing.</summary>
public static class WorkspaceSettingsUpdate
{
    public static (int Status, string Code, string Message)? Problem(WorkspaceSettingsDto patch, EgressPolicy egress)
    {
        if (patch.MonthlySpendCap is < 0) return (400, "INVALID_SPEND_CAP", "monthly_spend_cap is a number of credits, 0 or more.");
        if (patch.DefaultReceiptChannel is { } channel && string.IsNullOrWhiteSpace(channel.ChannelId))
            return (400, "INVALID_CHANNEL", "default_receipt_channel needs a channel_id.");
        if (patch.ApproverIds is { } approvers && approvers.Any(string.IsNullOrWhiteSpace))
            return (400, "INVALID_APPROVERS", "approver_ids must be platform user ids, e.g. \"U0123ABC\".");
        foreach (var url in patch.WebhookAllowlist ?? [])
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps)
                return (400, "INVALID_WEBHOOK_URL", $"'{url}' is not an absolute https URL; the allowlist takes https URLs or prefixes ending in '/'.");
            if (egress.Refusal(parsed) is { } refused) return (422, "EGRESS_REFUSED", $"'{url}' is {refused}.");
        }
        return null;
    }

    public static void Apply(Workspace workspace, WorkspaceSettingsDto patch)
    {
        if (patch.ClearDefaultReceiptChannel == true) workspace.Receipts.DefaultChannel = null;
        if (patch.DefaultReceiptChannel is { } channel)
            workspace.Receipts.DefaultChannel = new ChatAddress(channel.Platform, workspace.Id, channel.ChannelId.Trim(), null, channel.ServiceUrl);
        if (patch.IncludeTools is { } tools) workspace.Receipts.IncludeTools = tools;
        if (patch.IncludeCredits is { } credits) workspace.Receipts.IncludeCredits = credits;
        if (patch.IncludeLink is { } link) workspace.Receipts.IncludeLink = link;
        if (patch.ApproverIds is { } approvers)
        {
            workspace.ApproverIds.Clear();
            workspace.ApproverIds.AddRange(approvers.Select(a => a.Trim()).Distinct());
        }
        if (patch.ClearMonthlySpendCap == true) workspace.MonthlySpendCap = null;
        if (patch.MonthlySpendCap is { } cap) workspace.MonthlySpendCap = cap;
        if (patch.WebhookAllowlist is { } allowlist)
        {
            workspace.WebhookAllowlist.Clear();
            workspace.WebhookAllowlist.AddRange(allowlist.Distinct());
        }
        workspace.Version++;
    }
}
