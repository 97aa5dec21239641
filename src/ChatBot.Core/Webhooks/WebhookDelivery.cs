using ChatBot.Core.Common;

namespace ChatBot.Core.Webhooks;

/// <summary>
/// A run result pushed to an allowlisted HTTPS URL. The id is the Standard Webhooks <c>webhook-id</c>, stable
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
    public string RunId { get; private set; } = "";
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
