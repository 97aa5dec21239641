using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Trigger;

/// <summary>The webhook trigger's 202: a job token for polling, where to poll, and the run id as the workflow id.</summary>
public sealed record WebhookTriggerResponse(
    [property: JsonPropertyName("jobToken")] string JobToken,
    [property: JsonPropertyName("pollUrl")] string PollUrl,
    [property: JsonPropertyName("workflowId")] string WorkflowId);
