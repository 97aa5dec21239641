using ChatBot.Core.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Hangfire;

namespace ChatBot.Jobs.Receipts;

/// <summary>
/// Hands a receipt to the outbox (<see cref="ReceiptHandOver"/>) when its run ended outside a run job: a denial or
/// an expiry, a cancel, or a receipt the recovery sweep found not handed over. A run job hands its own receipt over
/// in the commit that ends the run.
/// </summary>
[AutomaticRetry(Attempts = 10, DelaysInSeconds = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600])]
public sealed class ReceiptDeliveryJob(ChatBotDbContext db, ReceiptHandOver handOver, WorkScheduler scheduler)
{
    public async Task ExecuteAsync(string receiptId, Hangfire.Server.PerformContext context, CancellationToken ct)
    {
        var receipt = await db.Receipts.SingleOrDefaultAsync(r => r.Id == receiptId, ct);
        // An attempt recorded means it was handed over already (in the same commit as its rows).
        if (receipt is null || receipt.Status != ReceiptDeliveryStatus.Pending || receipt.Attempts > 0) return;
        var run = await db.Runs.SingleAsync(r => r.Id == receipt.RunId, ct);
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);
        var schedule = await handOver.AddAsync(db, run, receipt, workspace, ct);
        await scheduler.SaveAndScheduleAsync(db, schedule, ct);
    }
}
