using System.Text.Json;
using ChatBot.Slack.Payloads;

namespace ChatBot.Slack.SocketMode;

/// <summary>
/// One delivery over Socket Mode: Slack wraps what it would have POSTed (an Events API body, a slash command's
/// fields, an interaction payload) in an envelope that must be acknowledged by its id within three seconds.
/// </summary>
internal sealed record SlackSocketEnvelope(string EnvelopeId, string Type, JsonElement? Payload, bool AcceptsResponsePayload, int RetryAttempt)
{
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    /// <summary>The envelope in a Socket Mode message, or null for the control messages (hello, disconnect).</summary>
    public static SlackSocketEnvelope? From(SlackSocketMessage message) =>
        message.EnvelopeId is { } id
            ? new SlackSocketEnvelope(id, message.Type ?? "", message.Payload, message.AcceptsResponsePayload, message.RetryAttempt)
            : null;
}
