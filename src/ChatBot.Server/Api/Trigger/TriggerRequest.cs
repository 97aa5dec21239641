using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Trigger;

/// <summary>The trigger body: a task (or query) and optionally where the result goes.</summary>
public sealed record TriggerRequest(
    [property: JsonPropertyName("task")] string? Task,
    [property: JsonPropertyName("query")] string? Query,
    [property: JsonPropertyName("channel")] string? Channel,
    [property: JsonPropertyName("responseDestination")] ResponseDestination? ResponseDestination,
    [property: JsonPropertyName("timezone")] string? Timezone,
    [property: JsonPropertyName("metadata")] TriggerMetadata? Metadata);
