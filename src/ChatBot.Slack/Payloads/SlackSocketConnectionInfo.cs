using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>A hello's <c>connection_info</c>: which app the connection belongs to.</summary>
internal sealed record SlackSocketConnectionInfo
{
    [JsonPropertyName("app_id")] public string? AppId { get; init; }
}
