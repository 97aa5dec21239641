using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Core.Approvals;

/// <summary>
/// The exact action behind an approval, read from its tool and arguments, so approvers see what will be sent:
/// an HTTP call's method, URL and body, an email's recipients, subject and body, an MCP tool's arguments.
/// </summary>
public static class ApprovalAction
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<ActionField> Fields(string toolName, string argumentsJson)
    {
        var arguments = Parse(argumentsJson);
        if (arguments is null) return argumentsJson is { Length: > 2 } raw ? [new("Arguments", raw, IsCode: true)] : [];
        return toolName switch
        {
            "http:request" => Present(
                ("URL", Text(arguments, "url"), false),
                ("Content type", Text(arguments, "contentType") ?? (Text(arguments, "body") is null ? null : "application/json"), false),
                ("Body", Text(arguments, "body"), true)),
            "email:send" => Present(
                ("To", Text(arguments, "to"), false),
                ("Subject", Text(arguments, "subject"), false),
                ("Body", Text(arguments, "body"), true)),
            _ when toolName.StartsWith("mcp:", StringComparison.Ordinal) => Present(
                ("Tool", toolName["mcp:".Length..].Replace(":", ": "), false),
                ("Arguments", arguments.Count == 0 ? null : arguments.ToJsonString(Indented), true)),
            _ => Present(("Arguments", arguments.Count == 0 ? null : arguments.ToJsonString(Indented), true)),
        };
    }

    /// <summary>Every field written out in full, for the run's detail page.</summary>
    public static string FullText(string actionText, IReadOnlyList<ActionField> fields) =>
        string.Join('\n', new[] { actionText }.Concat(fields.Select(f => $"{f.Label}: {f.Value}")));

    private static JsonObject? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject arguments, string name) => arguments[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text.Length == 0 ? null : text,
        var node => node.ToJsonString(Indented),
    };

    private static IReadOnlyList<ActionField> Present(params (string Label, string? Value, bool IsCode)[] fields) =>
        fields.Where(f => f.Value is not null).Select(f => new ActionField(f.Label, f.Value!, f.IsCode)).ToList();
}
