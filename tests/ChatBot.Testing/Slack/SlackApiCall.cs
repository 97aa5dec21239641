using System.Text.Json.Nodes;

namespace ChatBot.Testing.Slack;

/// <summary>
/// One request the Slack double received: the Web API method (or "response_url"), the Authorization header,
/// and the arguments, whether they came as JSON or as form fields (form values appear as JSON strings).
/// </summary>
public sealed record SlackApiCall(string Method, string? Authorization, JsonObject Arguments)
{
    public string? Arg(string name) => Arguments[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public JsonArray? Blocks => Arguments["blocks"] as JsonArray;
}
