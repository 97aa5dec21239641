using System.Text.Json.Nodes;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Reads Slack's inbound JSON leniently: a signed payload can still carry a field of the wrong type
/// (<c>"team": 7</c>, <c>"actions": {}</c>), which must read as absent rather than throw.
/// </summary>
internal static class SlackJson
{
    /// <summary>The non-empty string at <paramref name="property"/> of an object; null for anything else.</summary>
    public static string? Text(JsonNode? node, string property) =>
        Field(node, property) is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    /// <summary>The node at <paramref name="property"/> when <paramref name="node"/> is an object; null otherwise.</summary>
    public static JsonNode? Field(JsonNode? node, string property) => node is JsonObject obj ? obj[property] : null;
}
