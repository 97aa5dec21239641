using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>One element action of a block_actions payload: a button's action id and value.</summary>
internal sealed record SlackAction
{
    [JsonPropertyName("action_id")] public string? ActionId { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("action_ts")] public string? ActionTs { get; init; }
}
