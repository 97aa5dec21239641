using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// An interaction payload, from the HTTP form's <c>payload</c> field or a Socket Mode interactive envelope. Only
/// <c>block_actions</c> (button clicks) is acted on; its fields are the ones modelled here.
/// </summary>
internal sealed record SlackInteraction
{
    public const string BlockActions = "block_actions";

    [JsonPropertyName("type")] public string? Type { get; init; }

    [JsonPropertyName("team")]
    [JsonConverter(typeof(LenientObjectConverter<SlackRef>))]
    public SlackRef? Team { get; init; }

    [JsonPropertyName("user")]
    [JsonConverter(typeof(LenientObjectConverter<SlackInteractionUser>))]
    public SlackInteractionUser? User { get; init; }

    [JsonPropertyName("channel")]
    [JsonConverter(typeof(LenientObjectConverter<SlackRef>))]
    public SlackRef? Channel { get; init; }

    /// <summary>Where the clicked element lives: the message (its ts, and whether it is ephemeral).</summary>
    [JsonPropertyName("container")]
    [JsonConverter(typeof(LenientObjectConverter<SlackInteractionContainer>))]
    public SlackInteractionContainer? Container { get; init; }

    /// <summary>The clicked message; absent for ephemeral messages.</summary>
    [JsonPropertyName("message")]
    [JsonConverter(typeof(LenientObjectConverter<SlackInteractionMessage>))]
    public SlackInteractionMessage? Message { get; init; }

    [JsonPropertyName("trigger_id")] public string? TriggerId { get; init; }
    [JsonPropertyName("response_url")] public string? ResponseUrl { get; init; }

    [JsonPropertyName("actions")]
    [JsonConverter(typeof(LenientListConverter<SlackAction>))]
    public IReadOnlyList<SlackAction?>? Actions { get; init; }
}
