using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Runs;

/// <summary><c>GET /api/runs/{id}</c> while the run is in flight (202): its state, output so far, node and attempts.</summary>
public sealed record RunProgress(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("credits_used")] int CreditsUsed,
    [property: JsonPropertyName("output")] string? Output,
    [property: JsonPropertyName("node")] string? Node,
    [property: JsonPropertyName("attempts")] int Attempts);
