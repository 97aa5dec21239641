using ChatBot.Core.Webhooks;
using ChatBot.Core.Common;
using ChatBot.Core.Messaging;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Hangfire;
using Hangfire.Server;

namespace ChatBot.Jobs.Monitors;

/// <summary>
/// One check of one monitor, enqueued by <see cref="MonitorDuePoller"/> when it is due. The first check writes the monitor's root message to the outbox; its thread (attached once it is posted)
/// takes every later update. Each check records exactly one of: an event group (detections), a completion, or an error.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
public sealed class MonitorCheckJob(
    ChatBotDbContext db,
    IMonitorChecker checker,
    WorkScheduler scheduler,
    IOptions<JobsOptions> options,
    TimeProvider time,
    MonitorWebhooks webhooks,
    ILogger<MonitorCheckJob> logger)
{
    public async Task ExecuteAsync(string monitorId, PerformContext context, CancellationToken ct)
    {
        var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == monitorId, ct);
        if (monitor is null || monitor.IsDeleted || monitor.Status != MonitorStatus.Active) return;
        if (CheckedSinceAskedFor(monitor, context)) return;

        var outbox = new List<OutboundMessage>();
        var root = await RootMessageAsync(monitor, outbox, ct);
        var pushes = new List<WebhookDelivery?>();
        try
        {
            var result = await checker.CheckAsync(
                new MonitorCheckRequest(monitor.Id, monitor.Query, monitor.Kind, monitor.OutputSchema, monitor.CheckerState), ct);
            var now = time.GetUtcNow();
            monitor.CheckerState = result.NewState;
            monitor.RecordSuccess(now);
            if (result.Detections.Count == 0)
            {
                db.MonitorEvents.Add(MonitorEvent.Completed(monitor.Id, now));
                pushes.Add(webhooks.Completed(monitor, now));
            }
            else
            {
                var groupId = Ids.NewEventGroupId();
                pushes.Add(webhooks.Detected(monitor, groupId));
                foreach (var detection in result.Detections)
                {
                    db.MonitorEvents.Add(MonitorEvent.Detected(monitor.Id, groupId, detection.Summary, detection.EventDate,
                        detection.SourceUrls, detection.ResultJson, now));
                    if (monitor.Address is not null)
                        outbox.Add(InThread(monitor, root, new MonitorUpdateView(monitor.Id, detection.Summary, detection.SourceUrls, detection.EventDate), now));
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailure(monitor, ex);
            var now = time.GetUtcNow();
            var isFirstCheck = monitor.LastRunAt is null;
            var failures = monitor.RecordFailure(now);
            db.MonitorEvents.Add(MonitorEvent.Failed(monitor.Id, ex.Message, now));
            pushes.Add(webhooks.Failed(monitor, ex.Message, now));
            if (MonitorFailureNotice.For(ex.Message, failures, isFirstCheck, options.Value.MonitorFailureThreshold) is { } text && monitor.Address is { } thread)
            {
                var notice = new TextView(text);
                outbox.Add(InThread(monitor, root, notice, now));
                if (failures == options.Value.MonitorFailureThreshold && monitor.Owner is { } owner) outbox.Add(new OutboundMessage(thread, notice, now, directTo: owner));
            }
        }

        db.OutboundMessages.AddRange(outbox);
        var deliveries = pushes.OfType<WebhookDelivery>().ToList();
        db.WebhookDeliveries.AddRange(deliveries);
        try
        {
            await scheduler.SaveAndScheduleAsync(db, s =>
            {
                foreach (var message in outbox) s.MessageDelivery(message.Id);
                foreach (var delivery in deliveries) s.WebhookDelivery(delivery.Id);
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Paused, canceled or checked concurrently: that change stands, this check's findings are dropped.
        }
    }

    /// <summary>
    /// The job store runs a job at least once: a node that loses its claim on a job (a stall longer than the dead-node
    /// timeout, a failed state change) has it run again elsewhere. A check that finished after this job was asked for
    /// has done what it asked (it may be this very job's first run), so a second one would only repeat its posts.
    /// </summary>
    private bool CheckedSinceAskedFor(Monitor monitor, PerformContext? context)
    {
        if (context is null || monitor.LastRunAt is not { } checkedAt) return false;
        var askedAt = context.BackgroundJob.CreatedAt; // the job store's times are UTC
        if (checkedAt.UtcDateTime < (askedAt.Kind == DateTimeKind.Local ? askedAt.ToUniversalTime() : askedAt)) return false;
        logger.LogDebug("Monitor {MonitorId} was checked at {CheckedAt:O}, after job {JobId} asked for a check: nothing to do",
            monitor.Id, checkedAt, context.BackgroundJob.Id);
        return true;
    }

    /// <summary>
    /// The root message whose thread takes the monitor's updates while the monitor has no thread yet: the one its
    /// first check wrote (still on its way), or a new one added to <paramref name="outbox"/>. Its delivery attaches the
    /// thread; a root posted whose thread was not attached (the node died in between) is attached here.
    /// </summary>
    private async Task<OutboundMessage?> RootMessageAsync(Monitor monitor, List<OutboundMessage> outbox, CancellationToken ct)
    {
        if (monitor.Address is not { ThreadId: null } channel) return null;
        var root = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.Purpose == OutboundPurpose.MonitorRoot && m.SubjectId == monitor.Id && m.FailedAt == null)
            .FirstOrDefaultAsync(ct);
        if (root is { SentMessageId: { Length: > 0 } posted })
        {
            monitor.AttachThread(posted, time.GetUtcNow());
            return null;
        }
        if (root is not null) return root;
        root = new OutboundMessage(channel, new MonitorRootView(monitor.Id, monitor.Query, monitor.Cadence, monitor.Kind), time.GetUtcNow(),
            purpose: OutboundPurpose.MonitorRoot, subjectId: monitor.Id);
        outbox.Add(root);
        return root;
    }

    /// <summary>A post in the monitor's thread, or in the thread its root message will start.</summary>
    private static OutboundMessage InThread(Monitor monitor, OutboundMessage? root, ChatView view, DateTimeOffset now) =>
        root is null
            ? new OutboundMessage(monitor.Address!, view, now)
            : OutboundMessage.Following(root, OutboundRelation.InThreadOf, monitor.Address!, view, now);

    /// <summary>
    /// A page that is down or a feed that is not a feed is the monitor's news, not ours: one line with the reason.
    /// Anything else is a bug in the checker and keeps its stack trace.
    /// </summary>
    private void LogFailure(Monitor monitor, Exception ex)
    {
        if (MonitorCheckFailures.IsExpected(ex))
            logger.LogWarning("Monitor {MonitorId} check of {Query} failed: {Reason}", monitor.Id, monitor.Query, MonitorCheckFailures.Reason(ex));
        else
            logger.LogError(ex, "Monitor {MonitorId} check of {Query} failed unexpectedly", monitor.Id, monitor.Query);
    }
}
