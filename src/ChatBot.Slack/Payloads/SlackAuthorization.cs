using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>One entry of an event callback's <c>authorizations</c>: the installation the event was delivered for.</summary>
internal sealed record SlackAuthorization
{
    [JsonPropertyName("user_id")] public string? UserId { get; init; }
}
