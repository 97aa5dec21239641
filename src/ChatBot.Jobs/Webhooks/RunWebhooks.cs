using System.Text.Json;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Webhooks;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Webhooks;

/// <summary>Queues the push of a finished run to the webhook its trigger named, once per run.</summary>
public sealed class RunWebhooks(ReceiptFormatter formatter, TimeProvider time)
{
    public const string UrlKey = "webhook_url";
    public const string SubscribeReceiptsKey = "subscribe_receipts";

    /// <summary>
    /// The delivery to (re)schedule, or null when the run has no webhook or its push is under way. A delivery
    /// saved but never attempted comes back, so a crash between saving and scheduling loses nothing.
    /// </summary>
    public async Task<WebhookDelivery?> QueueAsync(ChatBotDbContext db, Run run, CancellationToken ct)
    {
        if (!run.Metadata.TryGetValue(UrlKey, out var url)) return null;
        var existing = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.RunId == run.Id, ct);
        if (existing is not null) return existing.Status == WebhookDeliveryStatus.Pending && existing.Attempts.Count == 0 ? existing : null;
        var receipt = formatter.ToRunReceipt(run, run.Address?.ChannelId);
        var payload = new RunWebhookPayload(run.Id, receipt.Status, receipt.OutputUrl, run.Request, run.Output ?? run.FailureReason)
        {
            RunReceipt = run.Metadata.ContainsKey(SubscribeReceiptsKey) ? receipt : null,
        };
        var delivery = new WebhookDelivery(run.WorkspaceId, run.Id, url, JsonSerializer.Serialize(payload), time.GetUtcNow());
        db.WebhookDeliveries.Add(delivery);
        return delivery;
    }
}
