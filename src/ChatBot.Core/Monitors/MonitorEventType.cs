using System.Text.Json.Serialization;

namespace ChatBot.Core.Monitors;

[JsonConverter(typeof(JsonStringEnumConverter<MonitorEventType>))]
public enum MonitorEventType
{
    [JsonStringEnumMemberName("event")] Event,
    [JsonStringEnumMemberName("completion")] Completion,
    [JsonStringEnumMemberName("error")] Error,
}
