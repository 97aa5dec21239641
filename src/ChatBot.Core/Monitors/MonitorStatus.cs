using System.Text.Json.Serialization;

namespace ChatBot.Core.Monitors;

[JsonConverter(typeof(JsonStringEnumConverter<MonitorStatus>))]
public enum MonitorStatus
{
    [JsonStringEnumMemberName("active")] Active,
    [JsonStringEnumMemberName("paused")] Paused,
    [JsonStringEnumMemberName("canceled")] Canceled,
}
