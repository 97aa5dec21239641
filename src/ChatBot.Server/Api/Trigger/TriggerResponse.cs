using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Trigger;

public sealed record TriggerResponse(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("estimated_credits")] int EstimatedCredits,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("poll_url")] string PollUrl,
    [property: JsonPropertyName("job_token")] string JobToken);
