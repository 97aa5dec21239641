using System.Text.Json;

namespace ChatBot.Agent.Monitors;

/// <summary>The checkers' opaque state, as compact JSON. Unreadable state (an older format) starts afresh.</summary>
internal static class StateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T state) => JsonSerializer.Serialize(state, Options);

    public static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrEmpty(json)) return null;
        try { return JsonSerializer.Deserialize<T>(json, Options); }
        catch (JsonException) { return null; }
    }

    /// <summary>Keeps the newest <paramref name="max"/> entries of a seen-list.</summary>
    public static IReadOnlyList<string> Bounded(IEnumerable<string> items, int max) =>
        items.Distinct().TakeLast(max).ToList();
}
