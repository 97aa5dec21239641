namespace ChatBot.Jobs;

/// <summary>Bound from the <c>Jobs</c> section (CONFIG.md names Clustered and InstanceName; the rest are tuning knobs).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Several server instances share the job store (job servers on one PostgreSQL database); defaults to true on
    /// PostgreSQL, false on SQLite, whose job store belongs to one process.
    /// </summary>
    public bool? Clustered { get; set; }

    /// <summary>This node's name in the cluster and on the dashboard; must differ between nodes.</summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>How often this node records its heartbeat and checks its drain flag.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the counts behind the dashboard's metrics (<c>/prometheus</c>) are refreshed.</summary>
    public TimeSpan StatisticsRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a node renews its claim on the jobs it runs; a node silent for <see cref="DeadNodeTimeout"/>
    /// (four of these, at least 15 s) is presumed dead and its in-flight jobs are taken up by the others.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromMilliseconds(7500);

    public TimeSpan DeadNodeTimeout => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(15).Ticks, ClusterCheckinInterval.Ticks * 4));

    /// <summary>
    /// How often an idle worker looks for jobs it was not told about. On PostgreSQL long polling wakes workers when a
    /// job is enqueued, so this is only the fallback; on SQLite it is the pickup delay.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often due delayed jobs (retries, approval deadlines, runs waiting for a workspace slot) are enqueued.</summary>
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each node looks for monitors whose next check is due, and how many it takes per pass.</summary>
    public TimeSpan MonitorPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int MonitorPollBatch { get; set; } = 500;

    /// <summary>How long a run waits before trying again for a slot when its workspace is at its cap.</summary>
    public TimeSpan WorkspaceSlotRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Worker threads on this node.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>Runs executing at once per workspace, counted across the whole cluster.</summary>
    public int MaxConcurrentRunsPerWorkspace { get; set; } = 10;

    /// <summary>Attempts at a run before a transient failure becomes final (first attempt included).</summary>
    public int RunMaxAttempts { get; set; } = 3;

    public TimeSpan RunRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an approval request waits for a decision.</summary>
    public TimeSpan ApprovalLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Runs slower than this show an in-place progress message.</summary>
    public TimeSpan ProgressAfter { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Consecutive monitor failures before the owner is told.</summary>
    public int MonitorFailureThreshold { get; set; } = 3;

    /// <summary>Delivery attempts for a chat message, receipt or webhook (first attempt included; at most 11).</summary>
    public int DeliveryMaxAttempts { get; set; } = 6;

    /// <summary>How often work with no job behind it (runs, receipts, chat messages) is looked for.</summary>
    public TimeSpan RecoverySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long work may sit without moving before the recovery sweep looks for its job.</summary>
    public TimeSpan RecoveryGrace { get; set; } = TimeSpan.FromSeconds(30);
}
