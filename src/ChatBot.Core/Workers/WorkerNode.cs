namespace ChatBot.Core.Workers;

/// <summary>
/// One server instance as the cluster sees it: its heartbeat, how many jobs it is running, and whether an
/// operator asked it to drain (finish what it runs, take nothing new). The flag lives in the database so a
/// drain requested through any node reaches the node it names.
/// </summary>
public sealed class WorkerNode
{
    private WorkerNode() { }

    public WorkerNode(string id, DateTimeOffset now)
    {
        Id = id;
        StartedAt = now;
        LastSeenAt = now;
    }

    /// <summary>The node's instance name (<c>Jobs__InstanceName</c>).</summary>
    public string Id { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }
    public int RunningJobs { get; private set; }
    public bool Draining { get; private set; }

    public void Beat(int runningJobs, DateTimeOffset now)
    {
        RunningJobs = runningJobs;
        LastSeenAt = now;
    }

    public void Restarted(DateTimeOffset now)
    {
        StartedAt = now;
        LastSeenAt = now;
    }

    public void SetDraining(bool draining) => Draining = draining;

    /// <summary>Active, draining, or stale when its heartbeat stopped (crashed or shut down).</summary>
    public string StateAt(DateTimeOffset now, TimeSpan staleAfter) =>
        now - LastSeenAt > staleAfter ? "stale" : Draining ? "draining" : "active";
}
