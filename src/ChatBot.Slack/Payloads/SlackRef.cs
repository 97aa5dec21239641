using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>A team or channel as an interaction names it; only its id is read.</summary>
internal sealed record SlackRef
{
    [JsonPropertyName("id")] public string? Id { get; init; }
}
