using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>The message whose button was clicked.</summary>
internal sealed record SlackInteractionMessage
{
    [JsonPropertyName("ts")] public string? Ts { get; init; }
    [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }
}
