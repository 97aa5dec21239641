using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Trigger;

/// <summary>The push/pull webhook trigger's body: the question, and optionally where the answer goes.</summary>
public sealed record WebhookTriggerRequest(
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("responseDestination")] ResponseDestination? ResponseDestination,
    [property: JsonPropertyName("timezone")] string? Timezone)
{
    public TriggerRequest ToTriggerRequest() => new(null, Query, null, ResponseDestination, Timezone, null);
}
