using ChatBot.Core.Approvals;
using ChatBot.Core.Monitors;
using ChatBot.Core.Runs;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatBot.Jobs.Scheduling;

/// <summary>
/// Turns "this work is due" into durable Quartz triggers, stored in batches by <see cref="TriggerBatcher"/>.
/// Callers commit their rows first, then schedule; <see cref="Runs.RunRecoveryJob"/> re-schedules a run whose
/// trigger was never written.
/// </summary>
public sealed class WorkScheduler(ISchedulerFactory schedulerFactory, TriggerBatcher batcher, IOptions<JobsOptions> options, TimeProvider time)
{
    private readonly JobsOptions _options = options.Value;

    public static string ExecutionGroupFor(string workspaceId) => "ws:" + workspaceId;

    public Task ScheduleRunAsync(Run run, CancellationToken ct) => ScheduleOnceAsync(RunTrigger(run), ct);

    /// <summary>
    /// A new run's trigger, stored with the next batch without waiting (unless many are waiting): the request that
    /// committed the run answers at once, and <see cref="Runs.RunRecoveryJob"/> schedules a queued run whose
    /// trigger never appears.
    /// </summary>
    public Task ScheduleNewRunAsync(Run run, CancellationToken ct) => batcher.EnqueueAsync([RunTrigger(run)], ct);

    internal ITrigger RunTrigger(Run run) =>
        DueNow(JobKeys.RunTrigger(run.Id), JobKeys.AgentRun)
            .UsingJobData(JobKeys.RunId, run.Id)
            .WithExecutionGroup(ExecutionGroupFor(run.WorkspaceId))
            .WithRetryPolicy(RunRetryPolicy())
            .Build();

    /// <summary>The approved run continues on whichever node picks this trigger up.</summary>
    public Task ScheduleContinuationAsync(Run run, Approval approval, CancellationToken ct) =>
        ScheduleOnceAsync(DueNow(JobKeys.RunContinuationTrigger(run.Id, approval.Id), JobKeys.AgentRun)
            .UsingJobData(JobKeys.RunId, run.Id)
            .UsingJobData(JobKeys.ApprovalId, approval.Id)
            .WithExecutionGroup(ExecutionGroupFor(run.WorkspaceId))
            .WithRetryPolicy(RunRetryPolicy())
            .Build(), ct);

    public Task ScheduleReceiptDeliveryAsync(string receiptId, CancellationToken ct) =>
        ScheduleOnceAsync(DueNow(JobKeys.ReceiptDeliveryTrigger(receiptId), JobKeys.ReceiptDelivery)
            .UsingJobData(JobKeys.ReceiptId, receiptId)
            .WithRetryPolicy(DeliveryRetryPolicy())
            .Build(), ct);

    public Task ScheduleMessageDeliveryAsync(string messageId, CancellationToken ct) =>
        ScheduleOnceAsync(DueNow(JobKeys.MessageDeliveryTrigger(messageId), JobKeys.MessageDelivery)
            .UsingJobData(JobKeys.MessageId, messageId)
            .WithRetryPolicy(DeliveryRetryPolicy())
            .Build(), ct);

    /// <param name="attempt">Distinguishes an admin's redelivery from the first delivery's trigger.</param>
    public Task ScheduleWebhookDeliveryAsync(string deliveryId, int attempt, CancellationToken ct) =>
        ScheduleOnceAsync(DueNow(new TriggerKey($"webhook-{deliveryId}-{attempt}", "deliveries"), JobKeys.WebhookDelivery)
            .UsingJobData(JobKeys.WebhookDeliveryId, deliveryId)
            .WithRetryPolicy(DeliveryRetryPolicy())
            .Build(), ct);

    public Task ScheduleApprovalExpiryAsync(Approval approval, CancellationToken ct) =>
        ScheduleOnceAsync(TriggerBuilder.Create(time).WithIdentity(new TriggerKey($"approval-{approval.Id}", "approvals")).ForJob(JobKeys.ApprovalExpiry).StartAt(approval.ExpiresAt)
            .UsingJobData(JobKeys.ApprovalId, approval.Id)
            .Build(), ct);

    /// <summary>
    /// A monitor's standing trigger on its jittered grid. A misfire after downtime fires once and then keeps
    /// to the grid, so a node that was down for a day runs an hourly monitor once, not 24 times.
    /// </summary>
    public Task ScheduleMonitorAsync(Monitor monitor, CancellationToken ct) =>
        batcher.StoreAsync(MonitorTriggers(monitor, firstCheck: false), ct);

    /// <summary>New monitors' standing triggers and first checks, for <see cref="Monitors.MonitorTriggerOutbox"/>.</summary>
    public Task ScheduleNewMonitorsAsync(IEnumerable<Monitor> monitors, CancellationToken ct) =>
        batcher.StoreAsync(monitors.SelectMany(m => MonitorTriggers(m, firstCheck: true)).ToList(), ct);

    // Replacing is one store operation, so a cadence change never leaves the monitor without a trigger; the first
    // check goes in the same batch, under its own key so a second store of it replaces rather than adds.
    internal ITrigger[] MonitorTriggers(Monitor monitor, bool firstCheck)
    {
        var standing = MonitorTrigger(monitor, time.GetUtcNow());
        return firstCheck ? [standing, NowTrigger(JobKeys.MonitorFirstCheckTrigger(monitor.Id), monitor.Id)] : [standing];
    }

    /// <summary>The standing trigger: first fire on the monitor's jittered grid, then every period; a misfire fires once.</summary>
    internal ITrigger MonitorTrigger(Monitor monitor, DateTimeOffset now) =>
        TriggerBuilder.Create(time)
            .WithIdentity(JobKeys.MonitorTrigger(monitor.Id))
            .ForJob(JobKeys.MonitorCheck)
            .UsingJobData(JobKeys.MonitorId, monitor.Id)
            .StartAt(CadenceRules.NextFireAfter(monitor.Id, monitor.Cadence, now))
            .WithCalendarIntervalSchedule(s => s
                .WithInterval(1, Unit(monitor.Cadence))
                .InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CalendarIntervalTriggerMisfireInstruction.FireAndProceed))
            .Build();

    public Task RunMonitorNowAsync(string monitorId, CancellationToken ct) =>
        batcher.StoreAsync([NowTrigger(new TriggerKey($"monitor-{monitorId}-now-{Guid.NewGuid():N}", "monitors"), monitorId)], ct);

    private ITrigger NowTrigger(TriggerKey key, string monitorId) =>
        DueNow(key, JobKeys.MonitorCheck).UsingJobData(JobKeys.MonitorId, monitorId).Build();

    /// <summary>
    /// Work due now fires as soon as a thread is free, however late. Quartz does not acquire a trigger more than its
    /// misfire threshold (60 s) overdue; it leaves it to the misfire handler, which re-times a few per pass under the
    /// trigger lock, so a large backlog would trickle out. Ignoring misfires keeps such triggers in the normal queue.
    /// </summary>
    private TriggerBuilder<IJob> DueNow(TriggerKey key, JobKey job) =>
        TriggerBuilder.Create(time).WithIdentity(key).ForJob(job).StartAt(time.GetUtcNow())
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.IgnoreMisfires));

    public async Task UnscheduleMonitorAsync(string monitorId, CancellationToken ct)
    {
        var scheduler = await schedulerFactory.GetScheduler(ct);
        await scheduler.UnscheduleJob(JobKeys.MonitorTrigger(monitorId), ct);
    }

    public Task<bool> IsMonitorScheduledAsync(string monitorId, CancellationToken ct) => IsScheduledAsync(JobKeys.MonitorTrigger(monitorId), ct);

    public Task<bool> IsRunScheduledAsync(string runId, CancellationToken ct) => IsScheduledAsync(JobKeys.RunTrigger(runId), ct);

    public Task<bool> IsContinuationScheduledAsync(string runId, string approvalId, CancellationToken ct) =>
        IsScheduledAsync(JobKeys.RunContinuationTrigger(runId, approvalId), ct);

    public Task<bool> IsReceiptDeliveryScheduledAsync(string receiptId, CancellationToken ct) => IsScheduledAsync(JobKeys.ReceiptDeliveryTrigger(receiptId), ct);

    public Task<bool> IsMessageDeliveryScheduledAsync(string messageId, CancellationToken ct) => IsScheduledAsync(JobKeys.MessageDeliveryTrigger(messageId), ct);

    private async Task<bool> IsScheduledAsync(TriggerKey key, CancellationToken ct)
    {
        var scheduler = await schedulerFactory.GetScheduler(ct);
        return await scheduler.Exists(key, ct);
    }

    /// <summary>
    /// Work is scheduled once, right after its row commits, under a key of its own; the recovery sweep asks
    /// <c>Is…ScheduledAsync</c> before scheduling again. So no existence check here: it would cost every run a
    /// round trip, and a rare double schedule only replaces a trigger whose job checks state first anyway.
    /// </summary>
    private Task ScheduleOnceAsync(ITrigger trigger, CancellationToken ct) => batcher.StoreAsync([trigger], ct);

    private RetryPolicy RunRetryPolicy() =>
        _options.RunMaxAttempts <= 1
            ? RetryPolicy.None
            : RetryPolicy.Exponential(_options.RunMaxAttempts - 1, _options.RunRetryDelay, 2.0, TimeSpan.FromMinutes(5), 0.2);

    private RetryPolicy DeliveryRetryPolicy() =>
        RetryPolicy.Exponential(Math.Max(1, _options.DeliveryMaxAttempts - 1), TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(5), 0.2);

    private static IntervalUnit Unit(Cadence cadence) => cadence switch
    {
        Cadence.Hourly => IntervalUnit.Hour,
        Cadence.Daily => IntervalUnit.Day,
        Cadence.Weekly => IntervalUnit.Week,
        _ => throw new ArgumentOutOfRangeException(nameof(cadence)),
    };
}
