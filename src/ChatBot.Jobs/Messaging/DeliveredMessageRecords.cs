using ChatBot.Core.Messaging;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Messaging;

/// <summary>
/// Tells the record an outbox message belongs to what became of it: a monitor's root message becomes its thread, an
/// approval learns where its request card is, a receipt learns that its answer and its receipt were posted, or that
/// the receipt could not be. Setting the same outcome twice changes nothing, so it can be applied again after a
/// concurrent change to the record.
/// </summary>
public sealed class DeliveredMessageRecords(TimeProvider time)
{
    public async Task RecordSentAsync(ChatBotDbContext db, OutboundMessage message, CancellationToken ct)
    {
        if (message.SubjectId is not { } subject || message.SentMessageId is not { Length: > 0 } sentId) return;
        var now = time.GetUtcNow();
        switch (message.Purpose)
        {
            case OutboundPurpose.MonitorRoot:
                var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == subject, ct);
                if (monitor is { Address.ThreadId: null }) monitor.AttachThread(sentId, now);
                break;
            case OutboundPurpose.ApprovalRequest:
                var approval = await db.Approvals.SingleOrDefaultAsync(a => a.Id == subject, ct);
                if (approval is { RequestMessageId: null }) approval.RecordRequestMessage(message.To, sentId);
                break;
            case OutboundPurpose.Answer:
                (await db.Receipts.SingleOrDefaultAsync(r => r.Id == subject, ct))?.RecordResultPosted(sentId);
                break;
            case OutboundPurpose.Receipt:
                (await db.Receipts.SingleOrDefaultAsync(r => r.Id == subject, ct))?.RecordDelivered(sentId, now);
                break;
        }
    }

    /// <summary>A failed attempt (<paramref name="final"/>: delivery gave up) of a receipt shows on the receipt.</summary>
    public async Task RecordFailureAsync(ChatBotDbContext db, OutboundMessage message, bool final, CancellationToken ct)
    {
        if (message is not { Purpose: OutboundPurpose.Receipt, SubjectId: { } subject, LastError: { } error }) return;
        (await db.Receipts.SingleOrDefaultAsync(r => r.Id == subject, ct))?.RecordFailure(error, final);
    }
}
