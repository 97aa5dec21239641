using System.Text.Json.Serialization;
using ChatBot.Core.Receipts;

namespace ChatBot.Server.Api.Runs;

/// <summary><c>GET /api/runs/{id}</c> once the run has finished (200): its response or failure, and its receipt.</summary>
public sealed record RunResult(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("response")] string? Response,
    [property: JsonPropertyName("failure_reason")] string? FailureReason,
    [property: JsonPropertyName("credits_used")] int CreditsUsed,
    [property: JsonPropertyName("node")] string? Node,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("receipt")] RunReceipt? Receipt);
