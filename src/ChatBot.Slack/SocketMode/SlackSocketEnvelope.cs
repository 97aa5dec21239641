using System.Text.Json.Nodes;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// One delivery over Socket Mode: Slack wraps what it would have POSTed (an Events API body, a slash command's
/// fields, an interaction payload) in an envelope that must be acknowledged by its id within three seconds.
/// </summary>
internal sealed record SlackSocketEnvelope(string EnvelopeId, string Type, JsonNode? Payload, bool AcceptsResponsePayload, int RetryAttempt)
{
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    /// <summary>The envelope in a Socket Mode message, or null for the control messages (hello, disconnect).</summary>
    public static SlackSocketEnvelope? From(JsonObject message)
    {
        if (Text(message, "envelope_id") is not { } id) return null;
        return new SlackSocketEnvelope(
            id,
            Text(message, "type") ?? "",
            message["payload"],
            message["accepts_response_payload"] is JsonValue accepts && accepts.TryGetValue<bool>(out var yes) && yes,
            message["retry_attempt"] is JsonValue retry && retry.TryGetValue<int>(out var attempt) ? attempt : 0);
    }

    private static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
