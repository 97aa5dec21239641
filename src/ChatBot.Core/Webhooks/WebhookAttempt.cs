using System.Text.Json.Serialization;

namespace ChatBot.Core.Webhooks;

/// <summary>One POST of a webhook: when, what came back (status or error) and how long it took.</summary>
public sealed record WebhookAttempt(
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("status_code")] int? StatusCode,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("duration_ms")] long DurationMs);
