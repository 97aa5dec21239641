using System.Globalization;
using System.Text.Json;

namespace ChatBot.Agent.Search;

/// <summary>Shared bits of the search providers' HTTP and JSON handling.</summary>
internal static class SearchHttp
{
    /// <summary>The search endpoint is the operator's own configuration, so it is not egress-guarded.</summary>
    public const string ClientName = "search";

    public static string String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    public static DateOnly? Date(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? DateOnly.FromDateTime(parsed.UtcDateTime) : null;
}
