using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Trigger;

/// <summary>Where a triggered run's result is pushed; omitted for pull-only runs.</summary>
public sealed record ResponseDestination(
    [property: JsonPropertyName("slackChannelId")] string? SlackChannelId,
    [property: JsonPropertyName("slackThreadTs")] string? SlackThreadTs,
    [property: JsonPropertyName("teamsConversationId")] string? TeamsConversationId,
    [property: JsonPropertyName("webhookUrl")] string? WebhookUrl);
