using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// The body of an Events API delivery, over HTTP or as a Socket Mode events_api payload: an <c>event_callback</c>
/// wrapping one <see cref="SlackEvent"/>, or another type we only acknowledge (url_verification has its own
/// <see cref="SlackUrlVerification"/>). Only the fields we read.
/// </summary>
internal sealed record SlackEventEnvelope
{
    public const string EventCallback = "event_callback";
    public const string UrlVerification = "url_verification";

    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("team_id")] public string? TeamId { get; init; }
    [JsonPropertyName("event_id")] public string? EventId { get; init; }

    /// <summary>Who the event was delivered for; the first entry names the bot user.</summary>
    [JsonPropertyName("authorizations")]
    [JsonConverter(typeof(LenientListConverter<SlackAuthorization>))]
    public IReadOnlyList<SlackAuthorization?>? Authorizations { get; init; }

    [JsonPropertyName("event")]
    [JsonConverter(typeof(LenientObjectConverter<SlackEvent>))]
    public SlackEvent? Event { get; init; }
}
