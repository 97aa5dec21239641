using ChatBot.Core.Chat;
using ChatBot.Core.Common;

namespace ChatBot.Core.Monitors;

/// <summary>
/// A standing watch over a page, feed or topic. Its chat updates go in the thread of its root message
/// (<see cref="Address"/> with the thread set once the root is posted).
/// </summary>
public sealed class Monitor
{
    private Monitor() { }

    public Monitor(string workspaceId, string query, Cadence cadence, MonitorKind kind, ChatAddress? address, ChatUser? owner, DateTimeOffset now)
    {
        Id = Ids.NewMonitorId();
        WorkspaceId = workspaceId;
        Query = query;
        Cadence = cadence;
        Kind = kind;
        Address = address;
        ChannelId = address?.ChannelId;
        Owner = owner;
        Status = MonitorStatus.Active;
        CreatedAt = now;
        UpdatedAt = now;
        NextCheckAt = now;
    }

    public string Id { get; private set; } = "";
    public string WorkspaceId { get; private set; } = "";
    public string Query { get; private set; } = "";
    public MonitorKind Kind { get; private set; }
    public Cadence Cadence { get; private set; }
    public MonitorStatus Status { get; private set; }
    /// <summary>The channel, and once the root message is posted, its thread.</summary>
    public ChatAddress? Address { get; private set; }
    /// <summary>Copies of the address's channel and thread, kept as columns so they can be queried.</summary>
    public string? ChannelId { get; private set; }
    public string? ThreadId { get; private set; }
    public ChatUser? Owner { get; private set; }
    public Dictionary<string, string>? Metadata { get; set; }
    public MonitorWebhook? Webhook { get; set; }
    /// <summary>The JSON schema (as JSON text) that structured results must satisfy, or null for text results.</summary>
    public string? OutputSchema { get; set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? LastRunAt { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    /// <summary>The checker's own state from the last check (snapshot, validators, seen items).</summary>
    public string? CheckerState { get; set; }
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>
    /// When the monitor's next check is due: at once for a new monitor, then on its jittered cadence grid. The one
    /// record of due checks: each node's poller enqueues the due ones and moves this on.
    /// </summary>
    public DateTimeOffset NextCheckAt { get; private set; }
    public int Version { get; private set; }

    public bool IsDeleted => DeletedAt is not null;

    public void AttachThread(string rootMessageId, DateTimeOffset now)
    {
        if (Address is null) throw new InvalidOperationException($"Monitor {Id} has no chat address.");
        Address = Address.InThread(rootMessageId);
        ThreadId = rootMessageId;
        Touch(now);
    }

    public void Pause(DateTimeOffset now) => MoveTo(MonitorStatus.Paused, now);

    public void Resume(DateTimeOffset now)
    {
        MoveTo(MonitorStatus.Active, now);
        NextCheckAt = CadenceRules.NextFireAfter(Id, Cadence, now);
    }

    public void Cancel(DateTimeOffset now) => MoveTo(MonitorStatus.Canceled, now);

    /// <summary>Deleted monitors are canceled and then hidden from every API.</summary>
    public void Delete(DateTimeOffset now)
    {
        if (Status != MonitorStatus.Canceled) Cancel(now);
        DeletedAt = now;
        Touch(now);
    }

    public void ChangeCadence(Cadence cadence, DateTimeOffset now)
    {
        if (Status == MonitorStatus.Canceled)
            throw new InvalidTransitionException(nameof(Monitor), Id, Status.ToString(), "cadence change");
        Cadence = cadence;
        // A check that is already due (a new monitor's first one, say) still happens now; later ones follow the new grid.
        if (NextCheckAt > now) NextCheckAt = CadenceRules.NextFireAfter(Id, Cadence, now);
        Touch(now);
    }

    public void RecordSuccess(DateTimeOffset now)
    {
        LastRunAt = now;
        ConsecutiveFailures = 0;
        Touch(now);
    }

    /// <returns>The failure count after this one.</returns>
    public int RecordFailure(DateTimeOffset now)
    {
        LastRunAt = now;
        ConsecutiveFailures++;
        Touch(now);
        return ConsecutiveFailures;
    }

    private void MoveTo(MonitorStatus to, DateTimeOffset now)
    {
        var allowed = (Status, to) switch
        {
            (MonitorStatus.Active, MonitorStatus.Paused) => true,
            (MonitorStatus.Paused, MonitorStatus.Active) => true,
            (MonitorStatus.Active or MonitorStatus.Paused, MonitorStatus.Canceled) => true,
            _ => false,
        };
        if (!allowed) throw new InvalidTransitionException(nameof(Monitor), Id, Status.ToString(), to.ToString());
        Status = to;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
