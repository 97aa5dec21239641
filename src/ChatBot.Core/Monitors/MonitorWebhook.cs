using System.Text.Json.Serialization;

namespace ChatBot.Core.Monitors;

public sealed record MonitorWebhook(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("event_types")] IReadOnlyList<string> EventTypes)
{
    public const string EventDetected = "monitor.event.detected";
    public const string ExecutionCompleted = "monitor.execution.completed";
    public const string ExecutionFailed = "monitor.execution.failed";

    public static readonly IReadOnlyList<string> AllEventTypes = [EventDetected, ExecutionCompleted, ExecutionFailed];
}
