using System.Text.Json.Serialization;
using ChatBot.Core.Receipts;

namespace ChatBot.Jobs.Webhooks;

/// <summary>What a webhook destination receives when its run finishes.</summary>
public sealed record RunWebhookPayload(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("output_url")] string OutputUrl,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("response")] string? Response)
{
    /// <summary>The run id again, under the name push/pull webhook-trigger clients read (their deprecated workflow id).</summary>
    [JsonPropertyName("workflowId")]
    public string WorkflowId => RunId;

    /// <summary>Included when the trigger asked for <c>metadata.subscribe_receipts</c>.</summary>
    [JsonPropertyName("run_receipt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RunReceipt? RunReceipt { get; init; }
}
