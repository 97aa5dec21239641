using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// One message on a Socket Mode WebSocket: <c>hello</c>, <c>disconnect</c>, or an envelope (events_api,
/// slash_commands, interactive) whose payload is what the HTTP endpoint would have received. The payload is read
/// into its own record once the envelope's type says which.
/// </summary>
internal sealed record SlackSocketMessage
{
    public const string Hello = "hello";
    public const string Disconnect = "disconnect";

    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>Why Slack is closing the connection (disconnect): warning, refresh_requested, link_disabled.</summary>
    [JsonPropertyName("reason")] public string? Reason { get; init; }

    [JsonPropertyName("num_connections")] public int NumConnections { get; init; }

    [JsonPropertyName("connection_info")]
    [JsonConverter(typeof(LenientObjectConverter<SlackSocketConnectionInfo>))]
    public SlackSocketConnectionInfo? ConnectionInfo { get; init; }

    [JsonPropertyName("envelope_id")] public string? EnvelopeId { get; init; }
    [JsonPropertyName("payload")] public JsonElement? Payload { get; init; }
    [JsonPropertyName("accepts_response_payload")] public bool AcceptsResponsePayload { get; init; }
    [JsonPropertyName("retry_attempt")] public int RetryAttempt { get; init; }
}
