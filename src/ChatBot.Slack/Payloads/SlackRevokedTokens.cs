using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>A tokens_revoked event's <c>tokens</c>: the ids of the revoked bot tokens (user tokens do not concern us).</summary>
internal sealed record SlackRevokedTokens
{
    [JsonPropertyName("bot")]
    [JsonConverter(typeof(LenientListConverter<string>))]
    public IReadOnlyList<string?>? Bot { get; init; }
}
