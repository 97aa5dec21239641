using System.Transactions;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Monitors;

/// <summary>
/// Enqueues the checks of monitors that are due. The monitors table is the one schedule: <see cref="Monitor.NextCheckAt"/>
/// says when each is due (at once when new, then on its jittered grid), so 100,000 monitors cost one indexed
/// column rather than 100,000 recurring jobs. Each pass takes a batch of due monitors, moves each to its next grid
/// slot and enqueues its check. On PostgreSQL every node polls, the rows are split with <c>FOR UPDATE SKIP LOCKED</c>
/// and the move commits with the enqueued jobs; on SQLite (one process) the job is enqueued before the move, so a
/// crash in between repeats a check rather than skipping one. After downtime a monitor is checked once, then keeps
/// to its grid: missed slots are not replayed.
/// </summary>
public sealed class MonitorDuePoller(
    IDbContextFactory<ChatBotDbContext> factory, WorkScheduler scheduler, JobEngine engine, IOptions<JobsOptions> options,
    TimeProvider time, ILogger<MonitorDuePoller> logger) : BackgroundService
{
    /// <summary>A pass that found due monitors locked by another node's pass waits this long before looking again.</summary>
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(20);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.MonitorPollInterval;
            try
            {
                while (await EnqueueDueAsync(stoppingToken) == options.Value.MonitorPollBatch)
                {
                }
                wait = await UntilNextDueAsync(wait, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away; the monitors stay due in their rows until it is back.
                logger.LogWarning(ex, "Could not enqueue due monitor checks; retrying");
            }
            await Task.Delay(wait, time, stoppingToken);
        }
    }

    /// <summary>
    /// How long until the next monitor is due, at most <paramref name="interval"/>: a check starts at its slot, not up to
    /// a poll interval late (100,000 hourly monitors make one due every 36 ms or so, each found by an indexed lookup).
    /// </summary>
    internal async Task<TimeSpan> UntilNextDueAsync(TimeSpan interval, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        var next = await db.Monitors.AsNoTracking()
            .Where(m => m.Status == MonitorStatus.Active && m.DeletedAt == null)
            .OrderBy(m => m.NextCheckAt).Select(m => (DateTimeOffset?)m.NextCheckAt)
            .FirstOrDefaultAsync(ct);
        if (next is null) return interval;
        var until = next.Value - time.GetUtcNow();
        return until < ShortestWait ? ShortestWait : until > interval ? interval : until;
    }

    /// <returns>How many monitors were due in this pass (a full batch means more may be).</returns>
    internal async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var batch = options.Value.MonitorPollBatch;
        using var scope = engine.EnlistsInTransactions
            ? new TransactionScope(TransactionScopeOption.Required, new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted },
                TransactionScopeAsyncFlowOption.Enabled)
            : null;
        await using var db = await factory.CreateDbContextAsync(ct);
        var due = scope is not null
            ? await db.Database.SqlQuery<DueMonitor>($"""
                SELECT "Id", "Cadence" FROM monitors
                WHERE "Status" = 'Active' AND "DeletedAt" IS NULL AND "NextCheckAt" <= {now}
                ORDER BY "NextCheckAt" LIMIT {batch} FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct)
            : await db.Monitors.AsNoTracking()
                .Where(m => m.Status == MonitorStatus.Active && m.DeletedAt == null && m.NextCheckAt <= now)
                .OrderBy(m => m.NextCheckAt).Take(batch)
                .Select(m => new DueMonitor { Id = m.Id, Cadence = m.Cadence.ToString() })
                .ToListAsync(ct);
        if (scope is not null)
        {
            await MoveAllAsync(db, due, now, ct);
            foreach (var monitor in due) scheduler.Schedule(s => s.MonitorCheck(monitor.Id));
        }
        else
        {
            foreach (var monitor in due)
            {
                scheduler.Schedule(s => s.MonitorCheck(monitor.Id));
                var next = NextCheck(monitor, now);
                await db.Monitors.Where(m => m.Id == monitor.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextCheckAt, next), ct);
            }
        }
        scope?.Complete();
        return due.Count;
    }

    /// <summary>The whole batch moves to its next slots in one statement (PostgreSQL), not one round trip per monitor.</summary>
    private static async Task MoveAllAsync(ChatBotDbContext db, List<DueMonitor> due, DateTimeOffset now, CancellationToken ct)
    {
        if (due.Count == 0) return;
        var ids = due.Select(m => m.Id).ToArray();
        var nexts = due.Select(m => NextCheck(m, now)).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE monitors SET "NextCheckAt" = moved.next
            FROM unnest({ids}, {nexts}) AS moved(id, next)
            WHERE monitors."Id" = moved.id
            """, ct);
    }

    private static DateTimeOffset NextCheck(DueMonitor monitor, DateTimeOffset now) =>
        CadenceRules.NextCheckAfter(monitor.Id, Enum.Parse<Cadence>(monitor.Cadence), now);

    private sealed class DueMonitor
    {
        public string Id { get; init; } = "";
        public string Cadence { get; init; } = "";
    }
}
