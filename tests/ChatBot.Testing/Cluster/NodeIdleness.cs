namespace ChatBot.Testing.Cluster;

/// <summary>
/// How long a node sat with a free worker while runs waited to start, read from the runs' own records (when each was
/// created, started and finished, and on which node) rather than from sleeps or samples.
/// </summary>
public static class NodeIdleness
{
    /// <summary>
    /// Per node, the longest stretch during which at least one run was waiting (created, not yet started) while the node
    /// ran fewer than <paramref name="workersPerNode"/> runs. <paramref name="releasedAt"/>: runs queued while the nodes
    /// were held back (drained) count as waiting only from then.
    /// </summary>
    public static IReadOnlyDictionary<string, TimeSpan> LongestIdleWhileWorkWaits(IReadOnlyList<ExecutedRun> runs, IEnumerable<string> nodes, int workersPerNode,
        DateTimeOffset? releasedAt = null)
    {
        DateTimeOffset WaitsFrom(ExecutedRun r) => releasedAt is { } released && released > r.CreatedAt ? released : r.CreatedAt;
        var started = runs.Where(r => r is { StartedAt: not null }).ToList();
        var moments = runs.Select(WaitsFrom)
            .Concat(started.Select(r => r.StartedAt!.Value))
            .Concat(started.Where(r => r.CompletedAt is not null).Select(r => r.CompletedAt!.Value))
            .Distinct().Order().ToList();
        var longest = new Dictionary<string, TimeSpan>();
        foreach (var node in nodes)
        {
            var worst = TimeSpan.Zero;
            DateTimeOffset? idleSince = null;
            // Between two consecutive moments nothing changes: a stretch is idle or not as a whole.
            for (var i = 0; i + 1 < moments.Count; i++)
            {
                var at = moments[i];
                var waiting = runs.Any(r => WaitsFrom(r) <= at && (r.StartedAt is null || r.StartedAt > at));
                var busy = started.Count(r => r.Node == node && r.StartedAt <= at && (r.CompletedAt is null || r.CompletedAt > at));
                if (waiting && busy < workersPerNode) idleSince ??= at;
                else idleSince = null;
                if (idleSince is { } since && moments[i + 1] - since > worst) worst = moments[i + 1] - since;
            }
            longest[node] = worst;
        }
        return longest;
    }
}
