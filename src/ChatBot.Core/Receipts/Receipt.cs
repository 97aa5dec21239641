using ChatBot.Core.Chat;
using ChatBot.Core.Common;

namespace ChatBot.Core.Receipts;

/// <summary>
/// The outbox row of a finished run's receipt. Written in the same transaction as the run's terminal
/// transition; the store keeps <see cref="RunId"/> unique, so a run can never have two receipts.
/// Delivery progress is recorded step by step so a retried delivery never posts a step twice.
/// </summary>
public sealed class Receipt
{
    private Receipt() { }

    public Receipt(string runId, string workspaceId, ReceiptKind kind, ChatAddress? destination, string runReceiptJson, DateTimeOffset now)
    {
        Id = Ids.NewReceiptId();
        RunId = runId;
        WorkspaceId = workspaceId;
        Kind = kind;
        Destination = destination;
        RunReceiptJson = runReceiptJson;
        CreatedAt = now;
        Status = ReceiptDeliveryStatus.Pending;
    }

    public string Id { get; private set; } = "";
    public string RunId { get; private set; } = "";
    public string WorkspaceId { get; private set; } = "";
    public ReceiptKind Kind { get; private set; }
    public ChatAddress? Destination { get; private set; }
    /// <summary>The structured run_receipt event, frozen at completion for the audit log.</summary>
    public string RunReceiptJson { get; private set; } = "";
    public ReceiptDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Set once the run's answer has been posted (or replaced the progress message).</summary>
    public string? ResultMessageId { get; private set; }
    public string? ReceiptMessageId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public void RecordAttempt() => Attempts++;

    public void RecordResultPosted(string messageId) => ResultMessageId = messageId;

    public void RecordDelivered(string messageId, DateTimeOffset now)
    {
        ReceiptMessageId = messageId;
        Status = ReceiptDeliveryStatus.Delivered;
        DeliveredAt = now;
        LastError = null;
    }

    public void RecordNotPosted(DateTimeOffset now)
    {
        Status = ReceiptDeliveryStatus.NotPosted;
        DeliveredAt = now;
    }

    public void RecordFailure(string error, bool final)
    {
        LastError = error;
        if (final) Status = ReceiptDeliveryStatus.Failed;
    }
}
