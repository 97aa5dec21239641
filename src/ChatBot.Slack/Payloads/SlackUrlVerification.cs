using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>The Events API handshake (HTTP only): the challenge is echoed back.</summary>
internal sealed record SlackUrlVerification
{
    [JsonPropertyName("challenge")] public string? Challenge { get; init; }
}
