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

    /// <summary>Parses and checks a schema; the error explains what is not supported. Any other shape (a number, a
    /// string, an array, a property of the wrong type) is a <see cref="FormatException"/> too, never another exception.</summary>
    public static OutputSchema Parse(string json)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException ex) { throw new FormatException($"output_schema is not valid JSON: {ex.Message}"); }
        if (root is not JsonObject)
            throw new FormatException("output_schema must be an object: {\"type\":\"json\",\"json_schema\":{…}} or the schema itself");
        if (root["json_schema"] is JsonObject wrapped) root = wrapped;
        if (root is not JsonObject schema || schema["properties"] is not JsonObject properties || properties.Count == 0)
            throw new FormatException("output_schema must be an object schema with at least one property");
        if (schema["type"] is JsonValue type && Text(type) != "object")
            throw new FormatException("output_schema must have type \"object\"");

        var list = new List<Property>();
        foreach (var (name, node) in properties)
        {
            if (node is not JsonObject property || Text(property["type"]) != "string")
                throw new FormatException($"output_schema property \"{name}\" must have type \"string\" (flat string and enum properties only)");
            if (property["description"] is { } description && Text(description) is null)
                throw new FormatException($"output_schema property \"{name}\" must have a string description");
            // A non-array enum or required was always ignored; stored schemas may carry one, so it still is.
            var allowed = property["enum"] is JsonArray values
                ? Strings(values) ?? throw new FormatException($"output_schema property \"{name}\" must list its enum values as strings")
                : null;
            list.Add(new Property(name, Text(property["description"]), allowed));
        }
        var required = schema["required"] is JsonArray names
            ? Strings(names) ?? throw new FormatException("output_schema's required must list property names as strings")
            : [];
        var unknown = required.FirstOrDefault(r => list.All(p => p.Name != r));
        if (unknown is not null) throw new FormatException($"output_schema requires \"{unknown}\", which is not among its properties");
        return new OutputSchema(list, required.ToHashSet());
    }

    private static string? Text(JsonNode? node) =>
        node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    /// <summary>The array's strings, or null when any item is not a string.</summary>
    private static List<string>? Strings(JsonArray array) =>
        array.All(v => v?.GetValueKind() == JsonValueKind.String) ? array.Select(v => v!.GetValue<string>()).ToList() : null;

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
