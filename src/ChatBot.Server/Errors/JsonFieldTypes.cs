using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace ChatBot.Server.Errors;

/// <summary>
/// Turns the JSON path of a value that did not fit its request record ("$.metadata.trigger_id") into a message
/// a client can act on: "'metadata.trigger_id' must be a string." The expected type comes from the record's
/// serialization contract, described in JSON's words.
/// </summary>
public static partial class JsonFieldTypes
{
    public static string Explain(string? path, Type root, JsonSerializerOptions options)
    {
        var field = FieldOf(path);
        if (field.Length == 0) return "The body does not have the expected fields and types.";
        return ExpectedAt(path!, root, options) is { } expected ? $"'{field}' must be {expected}." : $"'{field}' has the wrong type.";
    }

    /// <summary>"$.scopes[0]" reads as "scopes[0]", "$['odd key']" as "odd key".</summary>
    private static string FieldOf(string? path) =>
        string.Concat(Segments().Matches(path ?? "").Select((m, i) => m.Groups["index"].Success ? $"[{m.Groups["index"].Value}]"
            : (i == 0 ? "" : ".") + (m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Value)));

    private static string? ExpectedAt(string path, Type root, JsonSerializerOptions options)
    {
        var type = root;
        foreach (Match segment in Segments().Matches(path))
        {
            var info = options.GetTypeInfo(type);
            if (segment.Groups["index"].Success)
            {
                if (info.ElementType is null) return null;
                type = info.ElementType;
                continue;
            }
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            if (info.Kind == JsonTypeInfoKind.Dictionary && info.ElementType is { } valueType)
            {
                type = valueType;
                continue;
            }
            var property = info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null) return null;
            type = property.PropertyType;
        }
        return Describe(type, options);
    }

    private static string Describe(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "a string";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "a whole number";
        if (type == typeof(double) || type == typeof(decimal) || type == typeof(float)) return "a number";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "an ISO 8601 date-time string";
        if (type.IsEnum) return "one of the documented values";
        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            _ => "an object",
        };
    }

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex Segments();
}
