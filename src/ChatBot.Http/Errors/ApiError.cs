using System.Text.Json.Serialization;

namespace ChatBot.Http.Errors;

/// <summary>The one error shape of every HTTP API (the Monitor API keeps its own, which its clients expect).</summary>
public sealed record ApiError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("correlation_id")] string CorrelationId)
{
    /// <summary>Set on 402 spend-cap errors: when new runs are allowed again.</summary>
    [JsonPropertyName("resets_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ResetsAt { get; init; }
}
