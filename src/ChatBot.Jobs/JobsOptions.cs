namespace ChatBot.Jobs;

/// <summary>Bound from the <c>Jobs</c> section (CONFIG.md names Clustered and InstanceName; the rest are tuning knobs).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Quartz clustering across server instances; defaults to true on PostgreSQL, false on SQLite.</summary>
    public bool? Clustered { get; set; }

    /// <summary>This node's name in the cluster and on the dashboard; must differ between nodes.</summary>
    public string InstanceName { get; set; } = Environment.MachineName;

    /// <summary>How often this node records its heartbeat and checks its drain flag.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the counts behind the dashboard's metrics (<c>/prometheus</c>) are refreshed.</summary>
    public TimeSpan StatisticsRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a clustered node checks in; a node silent for about twice this is presumed dead and its
    /// in-flight jobs are recovered by the others. Quartz's default.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromMilliseconds(7500);

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

    /// <summary>Delivery attempts for a chat message or receipt (first attempt included).</summary>
    public int DeliveryMaxAttempts { get; set; } = 6;

    /// <summary>How often work that lost its trigger (runs, receipts, chat messages) is looked for.</summary>
    public TimeSpan RecoverySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long work may sit without a trigger before the recovery sweep treats the trigger as lost.</summary>
    public TimeSpan RecoveryGrace { get; set; } = TimeSpan.FromSeconds(30);
}
