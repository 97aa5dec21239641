namespace ChatBot.Jobs.Scheduling.Queue;

/// <summary>
/// Wakes this node's idle job workers when a job may be waiting. Rung by the store's notification (any node's
/// enqueue) and by a worker that has just taken a job (more may wait). Each ring wakes one worker, so a new job
/// costs a node one fetch, not one per idle worker; a ring with nobody waiting is kept (a few at most) for the next.
/// </summary>
public sealed class JobQueueDoorbell : IDisposable
{
    private const int MaxKeptRings = 4;
    private readonly SemaphoreSlim _rings = new(0, int.MaxValue);

    public void Ring()
    {
        if (_rings.CurrentCount < MaxKeptRings) _rings.Release();
    }

    /// <summary>
    /// Blocks a worker until a ring (true) or <paramref name="timeout"/>, its fallback poll (false); throws when
    /// <paramref name="ct"/> is cancelled.
    /// </summary>
    public bool Wait(TimeSpan timeout, CancellationToken ct) => _rings.Wait(timeout, ct);

    public void Dispose() => _rings.Dispose();
}
