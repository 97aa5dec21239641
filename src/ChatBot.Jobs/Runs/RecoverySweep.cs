using ChatBot.Core.Approvals;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// The one reconciliation left, and a small one: work that has not moved for <c>Jobs__RecoveryGrace</c> and that no
/// job in the store mentions gets a job again. On PostgreSQL rows and their jobs commit together, so this finds only
/// work whose job ran out of retries (a long outage); on SQLite, whose job store is a file of its own, also work
/// whose process died between the two commits. A queued run is enqueued; a running one is requeued (or its approved
/// continuation enqueued), and after its last attempt fails with a receipt; a receipt or chat message never
/// attempted is delivered. On PostgreSQL one node sweeps at a time (an advisory lock).
/// </summary>
public sealed class RecoverySweep(
    IServiceScopeFactory scopes, JobEngine engine, IOptions<JobsOptions> options, TimeProvider time, ILogger<RecoverySweep> logger) : BackgroundService
{
    private const int Batch = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecoverySweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Recovery sweep failed; retrying at the next interval");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatBotDbContext>();
        var scheduler = scope.ServiceProvider.GetRequiredService<WorkScheduler>();
        // The lock lives on a connection of its own, held for the sweep; the sweep's own writes commit as usual.
        await using var lockDb = db is PostgresChatBotDbContext
            ? await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ChatBotDbContext>>().CreateDbContextAsync(ct)
            : null;
        await using var sweeping = lockDb is not null ? await lockDb.Database.BeginTransactionAsync(ct) : null;
        if (lockDb is not null && !await lockDb.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtext('chatbot:recovery-sweep')) AS \"Value\"").SingleAsync(ct))
            return;

        var cutoff = time.GetUtcNow() - options.Value.RecoveryGrace;
        var stale = await db.Runs
            .Where(r => (r.Status == RunStatus.Queued || r.Status == RunStatus.Running) && r.UpdatedAt < cutoff)
            .OrderBy(r => r.UpdatedAt).Take(Batch).ToListAsync(ct);
        var receipts = await db.Receipts.AsNoTracking()
            .Where(r => r.Status == ReceiptDeliveryStatus.Pending && r.Attempts == 0 && r.CreatedAt < cutoff)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(Batch).ToListAsync(ct);
        var messages = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts == 0 && m.CreatedAt < cutoff)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(Batch).ToListAsync(ct);
        if (stale.Count + receipts.Count + messages.Count == 0) return;

        var live = LiveJobSubjects();
        foreach (var run in stale.Where(r => !live.Contains(r.Id)))
        {
            if (run.Status == RunStatus.Queued) scheduler.Schedule(s => s.Run(run.Id));
            else await RecoverRunningAsync(db, scheduler, scope.ServiceProvider.GetRequiredService<ReceiptWriter>(), run, ct);
        }
        foreach (var receiptId in receipts.Where(id => !live.Contains(id))) scheduler.Schedule(s => s.ReceiptDelivery(receiptId));
        foreach (var messageId in messages.Where(id => !live.Contains(id))) scheduler.Schedule(s => s.MessageDelivery(messageId));
    }

    /// <summary>The ids (first argument) of every job the store still holds to run: enqueued, scheduled or processing.</summary>
    private HashSet<string> LiveJobSubjects()
    {
        var monitoring = engine.Storage.GetMonitoringApi();
        var jobs = monitoring.ProcessingJobs(0, int.MaxValue).Select(j => j.Value.Job)
            .Concat(monitoring.ScheduledJobs(0, int.MaxValue).Select(j => j.Value.Job))
            .Concat(monitoring.Queues().SelectMany(q => monitoring.EnqueuedJobs(q.Name, 0, int.MaxValue).Select(j => j.Value.Job)
                .Concat(monitoring.FetchedJobs(q.Name, 0, int.MaxValue).Select(j => j.Value.Job))));
        return jobs.Where(j => j is { Args.Count: > 0 }).Select(j => j!.Args[0] as string).OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private async Task RecoverRunningAsync(ChatBotDbContext db, WorkScheduler scheduler, ReceiptWriter receipts, Run run, CancellationToken ct)
    {
        var approved = await db.Approvals.AsNoTracking()
            .Where(a => a.RunId == run.Id && a.Status == ApprovalStatus.Approved)
            .OrderByDescending(a => a.DecidedAt)
            .FirstOrDefaultAsync(ct);
        if (approved is not null)
        {
            scheduler.Schedule(s => s.Continuation(approved));
            return;
        }

        var now = time.GetUtcNow();
        logger.LogWarning("Run {RunId} was running with no job behind it (attempt {Attempt}); recovering it", run.Id, run.Attempt);
        if (run.Attempt < options.Value.RunMaxAttempts)
        {
            run.Requeue(now);
            await TryAsync(scheduler.SaveAndScheduleAsync(db, s => s.Run(run.Id), ct));
            return;
        }

        run.Fail($"Its worker stopped before recording an outcome (after {run.Attempt} attempts)", now);
        var receipt = receipts.Create(run, await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct));
        db.Receipts.Add(receipt);
        await TryAsync(scheduler.SaveAndScheduleAsync(db, s => s.ReceiptDelivery(receipt.Id), ct));

        async Task TryAsync(Task save)
        {
            try
            {
                await save;
            }
            catch (DbUpdateConcurrencyException)
            {
                // The run moved meanwhile (its job was alive after all): that move wins.
                db.ChangeTracker.Clear();
            }
        }
    }
}
