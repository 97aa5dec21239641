using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>The user who clicked.</summary>
internal sealed record SlackInteractionUser
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("username")] public string? Username { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("team_id")] public string? TeamId { get; init; }
}
