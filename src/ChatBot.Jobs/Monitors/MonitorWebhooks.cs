using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Monitors;
using ChatBot.Core.Webhooks;

namespace ChatBot.Jobs.Monitors;

/// <summary>
/// A monitor's webhook notifications: <c>monitor.event.detected</c> (with the event group id),
/// <c>monitor.execution.completed</c> and <c>monitor.execution.failed</c>, each only when the monitor subscribed
/// to it. Delivered (signed, retried, logged) like run pushes.
/// </summary>
public sealed class MonitorWebhooks(TimeProvider time)
{
    // simulated: the API's simulate_event sends whatever the subscriptions say.
    public WebhookDelivery? Detected(Monitor monitor, string eventGroupId, bool simulated = false) =>
        Create(monitor, MonitorWebhook.EventDetected, new JsonObject { ["event_group_id"] = eventGroupId }, simulated);

    public WebhookDelivery? Completed(Monitor monitor, DateTimeOffset at, bool simulated = false) =>
        Create(monitor, MonitorWebhook.ExecutionCompleted, new JsonObject { ["type"] = "completion", ["monitor_ts"] = $"completed_{Iso(at)}" }, simulated);

    public WebhookDelivery? Failed(Monitor monitor, string error, DateTimeOffset at, bool simulated = false) =>
        Create(monitor, MonitorWebhook.ExecutionFailed, new JsonObject
        {
            ["type"] = "error",
            ["error"] = error,
            ["id"] = $"error_{Iso(at)}",
            ["date"] = Iso(at),
        }, simulated);

    private WebhookDelivery? Create(Monitor monitor, string type, JsonObject @event, bool simulated)
    {
        if (monitor.Webhook is not { } webhook || !(simulated || webhook.EventTypes.Contains(type))) return null;
        var now = time.GetUtcNow();
        var payload = new JsonObject
        {
            ["type"] = type,
            ["timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["data"] = new JsonObject
            {
                ["monitor_id"] = monitor.Id,
                ["event"] = @event,
                ["metadata"] = monitor.Metadata is { } metadata ? JsonSerializer.SerializeToNode(metadata) : null,
            },
        };
        return WebhookDelivery.ForMonitor(monitor.WorkspaceId, monitor.Id, webhook.Url, payload.ToJsonString(), now);
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
