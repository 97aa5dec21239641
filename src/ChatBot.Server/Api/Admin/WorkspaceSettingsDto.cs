using System.Text.Json.Serialization;
using ChatBot.Core.Workspaces;

namespace ChatBot.Server.Api.Admin;

/// <summary>A workspace's admin settings. In a PATCH every field is optional; absent fields stay as they are.</summary>
public sealed record WorkspaceSettingsDto(
    [property: JsonPropertyName("default_receipt_channel")] DefaultChannelDto? DefaultReceiptChannel,
    [property: JsonPropertyName("clear_default_receipt_channel")] bool? ClearDefaultReceiptChannel,
    [property: JsonPropertyName("include_tools")] bool? IncludeTools,
    [property: JsonPropertyName("include_credits")] bool? IncludeCredits,
    [property: JsonPropertyName("include_link")] bool? IncludeLink,
    [property: JsonPropertyName("approver_ids")] IReadOnlyList<string>? ApproverIds,
    [property: JsonPropertyName("monthly_spend_cap")] int? MonthlySpendCap,
    [property: JsonPropertyName("clear_monthly_spend_cap")] bool? ClearMonthlySpendCap,
    [property: JsonPropertyName("webhook_allowlist")] IReadOnlyList<string>? WebhookAllowlist)
{
    public static WorkspaceSettingsDto Of(Workspace workspace) => new(
        workspace.Receipts.DefaultChannel is { } channel ? new DefaultChannelDto(channel.Platform, channel.ChannelId, channel.ServiceUrl) : null,
        null,
        workspace.Receipts.IncludeTools,
        workspace.Receipts.IncludeCredits,
        workspace.Receipts.IncludeLink,
        workspace.ApproverIds,
        workspace.MonthlySpendCap,
        null,
        workspace.WebhookAllowlist);
}
