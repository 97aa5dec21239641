using System.Collections.Concurrent;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// The runs this process is executing. A job store can hand a job out again while its first worker still runs it
/// (SQLite's store has no keep-alive for long jobs); the second execution sees the run here and leaves it alone.
/// </summary>
public sealed class RunsInFlight
{
    private readonly ConcurrentDictionary<string, byte> _runs = new();

    public bool TryEnter(string runId) => _runs.TryAdd(runId, 0);

    public void Leave(string runId) => _runs.TryRemove(runId, out _);
}
