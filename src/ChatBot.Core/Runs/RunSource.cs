using System.Text.Json.Serialization;

namespace ChatBot.Core.Runs;

[JsonConverter(typeof(JsonStringEnumConverter<RunSource>))]
public enum RunSource
{
    [JsonStringEnumMemberName("slack")] Slack,
    [JsonStringEnumMemberName("teams")] Teams,
    [JsonStringEnumMemberName("api")] Api,
    [JsonStringEnumMemberName("monitor")] Monitor,
    [JsonStringEnumMemberName("playground")] Playground,
}
