using ChatBot.Core.Common;

namespace ChatBot.Core.Webhooks;

/// <summary>
/// A run result pushed to an allowlisted HTTPS URL, or a monitor notification pushed to its webhook. The id is the Standard Webhooks <c>webhook-id</c>, stable
/// across retries and redeliveries so receivers can de-duplicate; every attempt is kept for the delivery log.
/// </summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery() { }

    public WebhookDelivery(string workspaceId, string runId, string url, string payloadJson, DateTimeOffset now)
    {
        Id = Ids.NewId("msg_", 26);
        WorkspaceId = workspaceId;
        RunId = runId;
        Url = url;
        PayloadJson = payloadJson;
        CreatedAt = now;
        Status = WebhookDeliveryStatus.Pending;
    }

    public string Id { get; private set; } = "";
    public string WorkspaceId { get; private set; } = "";
    /// <summary>The run pushed (one delivery per run), or null for a monitor notification.</summary>
    public string? RunId { get; private set; }

    /// <summary>The monitor that notified, or null for a run result.</summary>
    public string? MonitorId { get; private set; }

    /// <summary>A monitor notification (<c>monitor.event.detected</c>, …); a monitor sends one per check and type.</summary>
    public static WebhookDelivery ForMonitor(string workspaceId, string monitorId, string url, string payloadJson, DateTimeOffset now) =>
        new(workspaceId, url, payloadJson, now) { MonitorId = monitorId };

    private WebhookDelivery(string workspaceId, string url, string payloadJson, DateTimeOffset now)
    {
        Id = Ids.NewId("msg_", 26);
        WorkspaceId = workspaceId;
        Url = url;
        PayloadJson = payloadJson;
        CreatedAt = now;
        Status = WebhookDeliveryStatus.Pending;
    }
    public string Url { get; private set; } = "";
    public string PayloadJson { get; private set; } = "";
    public WebhookDeliveryStatus Status { get; private set; }
    public List<WebhookAttempt> Attempts { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public int Version { get; private set; }

    public void RecordAttempt(WebhookAttempt attempt, bool delivered, bool final)
    {
        Attempts.Add(attempt);
        if (delivered)
        {
            Status = WebhookDeliveryStatus.Delivered;
            DeliveredAt = attempt.At;
        }
        else if (final)
        {
            Status = WebhookDeliveryStatus.Failed;
        }
        Version++;
    }

    /// <summary>An admin asked to send it again: back to pending, history kept.</summary>
    public void Redeliver()
    {
        Status = WebhookDeliveryStatus.Pending;
        Version++;
    }
}
