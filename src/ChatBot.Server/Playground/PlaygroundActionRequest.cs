using System.Text.Json.Serialization;

namespace ChatBot.Server.Playground;

/// <summary>A button clicked in the playground.</summary>
public sealed record PlaygroundActionRequest(
    [property: JsonPropertyName("action_id")] string? ActionId,
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("message_id")] string? MessageId,
    [property: JsonPropertyName("channel")] string? Channel);
