using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Agent.Monitors;

/// <summary>
/// A monitor's output schema: a flat object of string (optionally enum) properties, given bare or wrapped as
/// <c>{"type":"json","json_schema":{…}}</c>. Results are checked against it before they are stored.
/// </summary>
public sealed record OutputSchema(IReadOnlyList<OutputSchema.Property> Properties, IReadOnlySet<string> Required)
{
    public sealed record Property(string Name, string? Description, IReadOnlyList<string>? Allowed);

    /// <summary>Parses and checks a schema; the error explains what is not supported.</summary>
    public static OutputSchema Parse(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException ex) { throw new FormatException($"output_schema is not valid JSON: {ex.Message}"); }
        if (root?["json_schema"] is JsonObject wrapped) root = wrapped;
        if (root is not JsonObject schema || schema["properties"] is not JsonObject properties || properties.Count == 0)
            throw new FormatException("output_schema must be an object schema with at least one property");
        if (schema["type"] is JsonValue type && type.GetValue<string>() != "object")
            throw new FormatException("output_schema must have type \"object\"");

        var list = new List<Property>();
        foreach (var (name, node) in properties)
        {
            if (node is not JsonObject property || property["type"]?.GetValueKind() != JsonValueKind.String || property["type"]!.GetValue<string>() != "string")
                throw new FormatException($"output_schema property \"{name}\" must have type \"string\" (flat string and enum properties only)");
            var allowed = property["enum"] is JsonArray values ? values.Select(v => v?.GetValue<string>() ?? "").ToList() : null;
            list.Add(new Property(name, property["description"]?.GetValue<string>(), allowed));
        }
        var required = schema["required"] is JsonArray names ? names.Select(n => n!.GetValue<string>()).ToHashSet() : new HashSet<string>();
        var unknown = required.FirstOrDefault(r => list.All(p => p.Name != r));
        if (unknown is not null) throw new FormatException($"output_schema requires \"{unknown}\", which is not among its properties");
        return new OutputSchema(list, required);
    }

    /// <summary>Null when <paramref name="result"/> conforms; otherwise what is wrong with it.</summary>
    public string? Validate(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object) return "the result is not a JSON object";
        foreach (var field in result.EnumerateObject())
        {
            var property = Properties.FirstOrDefault(p => p.Name == field.Name);
            if (property is null) return $"\"{field.Name}\" is not in the schema";
            if (field.Value.ValueKind != JsonValueKind.String) return $"\"{field.Name}\" must be a string";
            if (property.Allowed is { } allowed && !allowed.Contains(field.Value.GetString()!))
                return $"\"{field.Name}\" must be one of {string.Join(", ", allowed)}";
        }
        var missing = Required.FirstOrDefault(r => !result.TryGetProperty(r, out _));
        return missing is null ? null : $"\"{missing}\" is required";
    }

    /// <summary>A result that conforms: each enum property its first value, every other property empty (for test events).</summary>
    public JsonObject Example() =>
        new(Properties.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(p.Allowed is [var first, ..] ? first : ""))));

    /// <summary>The schema as the model is told to fill it.</summary>
    public string Describe() => string.Join('\n', Properties.Select(p =>
        $"- \"{p.Name}\" (string{(p.Allowed is { } a ? $", one of: {string.Join(", ", a)}" : "")}{(Required.Contains(p.Name) ? ", required" : "")}){(p.Description is { } d ? $": {d}" : "")}"));
}
