using System.Text.Json.Serialization;

namespace ChatBot.Core.Monitors;

/// <summary>What the query watches: a page URL, an RSS/Atom feed URL, or a natural-language topic.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MonitorKind>))]
public enum MonitorKind
{
    [JsonStringEnumMemberName("page")] Page,
    [JsonStringEnumMemberName("feed")] Feed,
    [JsonStringEnumMemberName("topic")] Topic,
}
