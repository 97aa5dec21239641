using System.Text.Json.Serialization;

namespace ChatBot.Core.Monitors;

[JsonConverter(typeof(JsonStringEnumConverter<Cadence>))]
public enum Cadence
{
    [JsonStringEnumMemberName("hourly")] Hourly,
    [JsonStringEnumMemberName("daily")] Daily,
    [JsonStringEnumMemberName("weekly")] Weekly,
}
