using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>A block_actions container of type message.</summary>
internal sealed record SlackInteractionContainer
{
    [JsonPropertyName("message_ts")] public string? MessageTs { get; init; }
    [JsonPropertyName("channel_id")] public string? ChannelId { get; init; }
    [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }
    [JsonPropertyName("is_ephemeral")] public bool IsEphemeral { get; init; }
}
