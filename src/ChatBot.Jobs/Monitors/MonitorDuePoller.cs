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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MonitorPollInterval, time);
        do
        {
            try
            {
                while (await EnqueueDueAsync(stoppingToken) == options.Value.MonitorPollBatch)
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away; the monitors stay due in their rows until it is back.
                logger.LogWarning(ex, "Could not enqueue due monitor checks; retrying");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
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
        foreach (var monitor in due)
        {
            if (scope is null) scheduler.Schedule(s => s.MonitorCheck(monitor.Id));
            var next = CadenceRules.NextCheckAfter(monitor.Id, Enum.Parse<Cadence>(monitor.Cadence), now);
            await db.Monitors.Where(m => m.Id == monitor.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextCheckAt, next), ct);
            if (scope is not null) scheduler.Schedule(s => s.MonitorCheck(monitor.Id));
        }
        scope?.Complete();
        return due.Count;
    }

    private sealed class DueMonitor
    {
        public string Id { get; init; } = "";
        public string Cadence { get; init; } = "";
    }
}
