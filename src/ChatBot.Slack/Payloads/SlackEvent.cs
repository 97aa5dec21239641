using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// The inner event of an event callback, with the fields of the types we act on: <c>app_mention</c> and
/// <c>message</c> (who, where, what), <c>tokens_revoked</c> (which tokens) and <c>app_uninstalled</c> (its type alone).
/// </summary>
internal sealed record SlackEvent
{
    public const string AppMention = "app_mention";
    public const string Message = "message";
    public const string TokensRevoked = "tokens_revoked";
    public const string AppUninstalled = "app_uninstalled";

    [JsonPropertyName("type")] public string? Type { get; init; }

    /// <summary>Set on message subtypes (bot_message, message_changed, channel_join, …), none of which are for us.</summary>
    [JsonPropertyName("subtype")] public string? Subtype { get; init; }

    /// <summary>Present, whatever its value, on a bot's message; its id is not needed.</summary>
    [JsonPropertyName("bot_id")] public JsonElement? BotId { get; init; }

    [JsonPropertyName("user")] public string? User { get; init; }
    [JsonPropertyName("team")] public string? Team { get; init; }
    [JsonPropertyName("channel")] public string? Channel { get; init; }

    /// <summary>"im" for a direct message; "channel", "group" or "mpim" otherwise.</summary>
    [JsonPropertyName("channel_type")] public string? ChannelType { get; init; }

    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("ts")] public string? Ts { get; init; }
    [JsonPropertyName("thread_ts")] public string? ThreadTs { get; init; }

    [JsonPropertyName("tokens")]
    [JsonConverter(typeof(LenientObjectConverter<SlackRevokedTokens>))]
    public SlackRevokedTokens? Tokens { get; init; }
}
