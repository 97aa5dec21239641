using ChatBot.Core.Approvals;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// Finds work that no job will ever move again and gives it one. A queued run has no trigger when its node
/// died (or the database dropped) between committing the row and scheduling it. A running run has no trigger
/// when its job ended without recording an outcome, e.g. the database went away as it saved the result; it is
/// requeued (or its approved continuation rescheduled), and after the last attempt it fails with a receipt.
/// Receipts and chat messages never attempted are scheduled again: their node died between the commit and the
/// trigger (new monitors have an outbox of their own, <see cref="Monitors.MonitorTriggerOutbox"/>). Each is
/// scheduled only when its trigger is missing; optimistic concurrency lets only one move win.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RunRecoveryJob(
    ChatBotDbContext db, WorkScheduler scheduler, ReceiptWriter receipts, IOptions<JobsOptions> options, TimeProvider time, ILogger<RunRecoveryJob> logger)
    : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.RecoveryGrace;
        var stale = await db.Runs
            .Where(r => (r.Status == RunStatus.Queued || r.Status == RunStatus.Running) && r.UpdatedAt < cutoff)
            .OrderBy(r => r.UpdatedAt)
            .Take(500)
            .ToListAsync(ct);
        foreach (var run in stale)
        {
            if (await scheduler.IsRunScheduledAsync(run.Id, ct)) continue;
            if (run.Status == RunStatus.Queued) await scheduler.ScheduleRunAsync(run, ct);
            else await RecoverRunningAsync(run, ct);
        }

        var receipts = await db.Receipts.AsNoTracking()
            .Where(r => r.Status == ReceiptDeliveryStatus.Pending && r.Attempts == 0 && r.CreatedAt < cutoff)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(500).ToListAsync(ct);
        foreach (var receiptId in receipts)
            if (!await scheduler.IsReceiptDeliveryScheduledAsync(receiptId, ct)) await scheduler.ScheduleReceiptDeliveryAsync(receiptId, ct);

        var messages = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts == 0 && m.CreatedAt < cutoff)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(500).ToListAsync(ct);
        foreach (var messageId in messages)
            if (!await scheduler.IsMessageDeliveryScheduledAsync(messageId, ct)) await scheduler.ScheduleMessageDeliveryAsync(messageId, ct);
    }

    private async Task RecoverRunningAsync(Run run, CancellationToken ct)
    {
        var approved = await db.Approvals.AsNoTracking()
            .Where(a => a.RunId == run.Id && a.Status == ApprovalStatus.Approved)
            .OrderByDescending(a => a.DecidedAt)
            .FirstOrDefaultAsync(ct);
        if (approved is not null)
        {
            if (!await scheduler.IsContinuationScheduledAsync(run.Id, approved.Id, ct)) await scheduler.ScheduleContinuationAsync(run, approved, ct);
            return;
        }

        var now = time.GetUtcNow();
        logger.LogWarning("Run {RunId} was running with no job behind it (attempt {Attempt}); recovering it", run.Id, run.Attempt);
        if (run.Attempt < options.Value.RunMaxAttempts)
        {
            run.Requeue(now);
            if (await TrySaveAsync(ct)) await scheduler.ScheduleRunAsync(run, ct);
            return;
        }

        run.Fail($"Its worker stopped before recording an outcome (after {run.Attempt} attempts)", now);
        var receipt = receipts.Create(run, await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct));
        db.Receipts.Add(receipt);
        if (await TrySaveAsync(ct)) await scheduler.ScheduleReceiptDeliveryAsync(receipt.Id, ct);
    }

    /// <summary>False when the run moved meanwhile (its job was alive after all): that move wins.</summary>
    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
