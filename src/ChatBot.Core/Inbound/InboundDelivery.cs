namespace ChatBot.Core.Inbound;

/// <summary>
/// A delivery id already handled (Slack event_id, Teams activity id, trigger idempotency key). Its primary key
/// makes a retry, a restart or a second node fail to insert it again, which is the de-duplication.
/// </summary>
public sealed class InboundDelivery
{
    private InboundDelivery() { }

    public InboundDelivery(string id, DateTimeOffset receivedAt, string? runId = null)
    {
        Id = id;
        ReceivedAt = receivedAt;
        RunId = runId;
    }

    public string Id { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    /// <summary>The run the delivery started, so an idempotent retry can answer with the same run.</summary>
    public string? RunId { get; set; }
}
