using System.Text.Json.Serialization;
using ChatBot.Core.Common;

namespace ChatBot.Core.Receipts;

/// <summary>The structured <c>run_receipt</c> event of the audit log and receipt webhooks.</summary>
public sealed record RunReceipt
{
    [JsonPropertyName("type")] public string Type { get; init; } = "run_receipt";
    [JsonPropertyName("run_id")] public required string RunId { get; init; }
    [JsonPropertyName("workspace_id")] public required string WorkspaceId { get; init; }
    [JsonPropertyName("channel")] public string? Channel { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("started_at"), JsonConverter(typeof(UtcSecondsJsonConverter))] public DateTimeOffset? StartedAt { get; init; }
    [JsonPropertyName("completed_at"), JsonConverter(typeof(UtcSecondsJsonConverter))] public DateTimeOffset? CompletedAt { get; init; }
    [JsonPropertyName("request")] public required string Request { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("credits_used")] public int CreditsUsed { get; init; }
    [JsonPropertyName("tools_used")] public IReadOnlyList<string> ToolsUsed { get; init; } = [];
    [JsonPropertyName("approvals_required")] public int ApprovalsRequired { get; init; }
    [JsonPropertyName("approvals_granted")] public int ApprovalsGranted { get; init; }
    [JsonPropertyName("output_url")] public required string OutputUrl { get; init; }
    [JsonPropertyName("model_used")] public string? ModelUsed { get; init; }
    [JsonPropertyName("correlation_id")] public string? CorrelationId { get; init; }
}
