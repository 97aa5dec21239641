using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Quartz;

namespace ChatBot.Jobs.Scheduling;

/// <summary>
/// Group commit for triggers. Storing a trigger takes the job store's one cluster-wide trigger lock, so
/// concurrent requests each storing their own queue on it. Here they wait together: whatever arrives while a
/// batch is being stored goes into the next one, stored under a single lock in one transaction. Each caller
/// still returns only once its trigger is durable, so nothing about acknowledging work changes.
/// </summary>
public sealed class TriggerBatcher(ISchedulerFactory schedulerFactory, ILogger<TriggerBatcher> logger) : IAsyncDisposable
{
    private const int MaxBatch = 256;

    /// <summary>Enqueued callers whose triggers may wait in memory before <see cref="EnqueueAsync"/> makes the next wait for room.</summary>
    public const int MaxQueued = 4096;

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<JobKey, IJobDetail> _jobs = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startGate = new();
    private Task? _loop;
    private readonly SemaphoreSlim _room = new(MaxQueued);

    /// <summary>Stores the triggers (replacing any with the same keys) and returns when they are durable.</summary>
    public Task StoreAsync(IReadOnlyList<ITrigger> triggers, CancellationToken ct)
    {
        EnsureStarted();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.Writer.TryWrite(new Pending(triggers, done, HoldsRoom: false))) throw new ObjectDisposedException(nameof(TriggerBatcher));
        return done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Queues the triggers for the next batch and returns at once: for work whose row is already committed and which
    /// the recovery sweep schedules again when its trigger never appears (the node died, or the store failed).
    /// Keeps the trigger lock off a request's path. With <see cref="MaxQueued"/> callers' triggers already waiting,
    /// the caller waits until a batch makes room: a burst is absorbed, a sustained overload slows the requests
    /// instead of growing memory and the time work sits unscheduled.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyList<ITrigger> triggers, CancellationToken ct)
    {
        EnsureStarted();
        await _room.WaitAsync(ct);
        if (_pending.Writer.TryWrite(new Pending(triggers, null, HoldsRoom: true))) return;
        _room.Release();
        throw new ObjectDisposedException(nameof(TriggerBatcher));
    }

    private void EnsureStarted()
    {
        if (_loop is not null) return;
        lock (_startGate) _loop ??= Task.Run(() => LoopAsync(_stopping.Token));
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var batch = new List<Pending>();
        while (await _pending.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            var triggers = 0;
            while (triggers < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
                triggers += next.Triggers.Count;
            }
            try
            {
                await StoreBatchAsync(batch.SelectMany(p => p.Triggers).ToList(), ct);
                foreach (var pending in batch) pending.Done?.TrySetResult();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not store a batch of {Count} triggers", triggers);
                foreach (var pending in batch) pending.Done?.TrySetException(ex);
            }
            var room = batch.Count(p => p.HoldsRoom);
            if (room > 0) _room.Release(room);
        }
    }

    private async Task StoreBatchAsync(List<ITrigger> triggers, CancellationToken ct)
    {
        var scheduler = await schedulerFactory.GetScheduler(ct);
        var byJob = new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>();
        // The last trigger with a key wins, as separate replacing stores would have it.
        foreach (var group in triggers.GroupBy(t => t.Key).Select(g => g.Last()).GroupBy(t => t.JobKey))
            byJob[await JobAsync(scheduler, group.Key, ct)] = group.ToList();
        // Replace also re-stores each (unchanged) durable job: the batch API stores jobs with their triggers.
        await scheduler.ScheduleJobs(byJob, new ScheduleJobOptions { Replace = true }, ct);
    }

    private async ValueTask<IJobDetail> JobAsync(IScheduler scheduler, JobKey key, CancellationToken ct)
    {
        if (_jobs.TryGetValue(key, out var known)) return known;
        var job = await scheduler.GetJobDetail(key, ct) ?? throw new SchedulerException($"Job {key} is not stored");
        return _jobs[key] = job;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        if (_loop is not null)
        {
            // Let what is queued be stored; a stuck store is cut short.
            await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(5)));
            await _stopping.CancelAsync();
        }
        _stopping.Dispose();
        _room.Dispose();
    }

    private sealed record Pending(IReadOnlyList<ITrigger> Triggers, TaskCompletionSource? Done, bool HoldsRoom);
}
