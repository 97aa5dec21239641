using ChatBot.Core.Monitors;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatBot.Jobs.Monitors;

/// <summary>
/// Stores the job triggers of new monitors, in batches, after the requests that created them have answered. The
/// monitor row is the outbox entry (<see cref="Monitor.TriggersStored"/> false): a request commits it and nudges
/// this loop, so an ack costs one insert and a burst waits in the database rather than in memory or on the job
/// store's cluster-wide lock. Every node polls as well, which picks up monitors whose node died before storing
/// them; on PostgreSQL the nodes split the waiting rows with <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
/// <remarks>
/// The triggers commit before the flag does. A node dying in between stores them again later; the keys are the
/// monitor's own, so the second store replaces the first and the first check still runs once.
/// </remarks>
public sealed class MonitorTriggerOutbox(
    IDbContextFactory<ChatBotDbContext> factory, WorkScheduler scheduler, ILogger<MonitorTriggerOutbox> logger) : BackgroundService
{
    private const int BatchSize = 256;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _nudged = new(0, 1);

    /// <summary>A monitor was just committed on this node: store its triggers now rather than at the next poll.</summary>
    public void Nudge()
    {
        // Already nudged: the next pass takes every waiting monitor. (Checked first: a full semaphore throws, and
        // under a burst of acks the exceptions cost more than the rest of the nudge.)
        if (_nudged.CurrentCount > 0) return;
        try
        {
            _nudged.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another request nudged in between.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await StoreNextBatchAsync(stoppingToken) == BatchSize)
                {
                }
                await _nudged.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database or the job store is away; the monitors wait in their rows until it is back.
                logger.LogWarning(ex, "Could not store the triggers of new monitors; retrying");
                await Task.Delay(RetryDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <returns>How many monitors were taken (a full batch means more may wait).</returns>
    internal async Task<int> StoreNextBatchAsync(CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        // PostgreSQL: the rows stay locked until their flag commits, so nodes take disjoint batches. SQLite has one
        // node and one writer: a transaction held across the trigger store would lock the job store out of the file.
        await using var transaction = db is PostgresChatBotDbContext ? await db.Database.BeginTransactionAsync(ct) : null;
        var ids = transaction is not null
            ? await db.Database.SqlQuery<string>(
                    $"SELECT \"Id\" AS \"Value\" FROM monitors WHERE NOT \"TriggersStored\" ORDER BY \"CreatedAt\" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
                .ToListAsync(ct)
            : await db.Monitors.Where(m => !m.TriggersStored).OrderBy(m => m.CreatedAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        if (ids.Count == 0) return 0;

        var monitors = await db.Monitors.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
        // A monitor paused, canceled or deleted before this pass gets no trigger; resuming one schedules it.
        var active = monitors.Where(m => m.Status == MonitorStatus.Active && !m.IsDeleted).ToList();
        if (active.Count > 0) await scheduler.ScheduleNewMonitorsAsync(active, ct);
        await db.Monitors.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.TriggersStored, true), ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return ids.Count;
    }

    public override void Dispose()
    {
        _nudged.Dispose();
        base.Dispose();
    }
}
