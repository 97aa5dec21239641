using ChatBot.Core.Chat;
using ChatBot.Core.Common;
using ChatBot.Core.Messaging;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Application.Monitors;

/// <summary>
/// Pause, resume, cancel, delete, re-cadence and run a monitor now: the one place these rules live, for the chat
/// commands and buttons of every platform, the Monitor API and the ops API. A monitor check that saved the row
/// meanwhile does not beat the change: it is re-applied on the fresh row (<see cref="OptimisticWrite"/>).
/// </summary>
public sealed class MonitorLifecycle(ChatBotDbContext db, WorkScheduler scheduler, TimeProvider time)
{
    /// <summary>A monitor that is not deleted, tracked for a change; any workspace's when <paramref name="workspaceId"/> is null (ops).</summary>
    public Task<Monitor?> FindAsync(string monitorId, string? workspaceId, CancellationToken ct) =>
        db.Monitors.SingleOrDefaultAsync(m => m.Id == monitorId && (workspaceId == null || m.WorkspaceId == workspaceId) && m.DeletedAt == null, ct);

    /// <summary>The monitor whose updates go to this thread.</summary>
    public Task<Monitor?> FindByThreadAsync(ChatAddress thread, CancellationToken ct) =>
        db.Monitors.SingleOrDefaultAsync(m =>
            m.WorkspaceId == thread.WorkspaceId && m.ChannelId == thread.ChannelId && m.ThreadId == thread.ThreadId && m.DeletedAt == null, ct);

    public Task<Outcome<Monitor>> ChangeAsync(Monitor? monitor, MonitorChange change, CancellationToken ct) =>
        ChangeAsync(monitor, change, notice: null, ct);

    /// <summary>Cancels; when <paramref name="notice"/> is given, the thread is told who canceled, in the same save.</summary>
    public Task<Outcome<Monitor>> CancelAsync(Monitor? monitor, CancelNotice? notice, CancellationToken ct) =>
        ChangeAsync(monitor, MonitorChange.Cancel, notice, ct);

    public async Task<Outcome<Monitor>> UpdateAsync(Monitor? monitor, MonitorSettings settings, CancellationToken ct)
    {
        if (monitor is null || monitor.IsDeleted) return NotFound();
        return await OptimisticWrite.ApplyAsync(db, [monitor], () =>
        {
            var now = time.GetUtcNow();
            if (monitor.IsDeleted) return NotFound();
            if (settings.Cadence is { } cadence)
            {
                if (monitor.Status == MonitorStatus.Canceled)
                    return Outcome<Monitor>.InvalidTransition(monitor, "a canceled monitor cannot change cadence");
                if (cadence != monitor.Cadence) monitor.ChangeCadence(cadence, now);
            }
            if (settings.SetWebhook) monitor.Webhook = settings.Webhook;
            if (settings.SetMetadata) monitor.Metadata = settings.Metadata;
            return null;
        }, () => db.SaveChangesAsync(ct), () => Outcome<Monitor>.Changed(monitor), () => Busy(monitor), ct);
    }

    /// <summary>One check now, outside the cadence; only an active monitor is checked.</summary>
    public Outcome<Monitor> RunNow(Monitor? monitor)
    {
        if (monitor is null) return NotFound();
        if (monitor.Status != MonitorStatus.Active)
            return Outcome<Monitor>.InvalidTransition(monitor, $"The monitor is {WireName.Of(monitor.Status)}; resume it first.");
        scheduler.Schedule(s => s.MonitorCheck(monitor.Id));
        return Outcome<Monitor>.Changed(monitor);
    }

    private async Task<Outcome<Monitor>> ChangeAsync(Monitor? monitor, MonitorChange change, CancelNotice? notice, CancellationToken ct)
    {
        if (monitor is null || monitor.IsDeleted) return NotFound();
        OutboundMessage? confirmation = null;
        return await OptimisticWrite.ApplyAsync(db, [monitor], () =>
        {
            var now = time.GetUtcNow();
            if (monitor.IsDeleted) return NotFound();
            if (Unchanged(monitor, change) is { } already) return already;
            switch (change)
            {
                case MonitorChange.Pause: monitor.Pause(now); break;
                case MonitorChange.Resume: monitor.Resume(now); break;
                case MonitorChange.Cancel: monitor.Cancel(now); break;
                default: monitor.Delete(now); break;
            }
            if (notice is not null)
            {
                confirmation = new OutboundMessage(notice.Thread,
                    new TextView($"Monitor canceled by @{notice.By.DisplayName}. No more updates will be posted here."), now);
                db.OutboundMessages.Add(confirmation);
            }
            return null;
        }, () => scheduler.SaveAndScheduleAsync(db, s =>
        {
            if (confirmation is not null) s.MessageDelivery(confirmation.Id);
        }, ct), () => Outcome<Monitor>.Changed(monitor), () => Busy(monitor), ct);
    }

    /// <summary>The answer when the monitor's state already settles the change, or null when it is to be made.</summary>
    private static Outcome<Monitor>? Unchanged(Monitor monitor, MonitorChange change)
    {
        var status = WireName.Of(monitor.Status);
        return (change, monitor.Status) switch
        {
            (MonitorChange.Delete, _) => null,
            (MonitorChange.Pause, MonitorStatus.Paused) or (MonitorChange.Resume, MonitorStatus.Active) or (MonitorChange.Cancel, MonitorStatus.Canceled)
                => Outcome<Monitor>.AlreadyInState(monitor, $"The monitor is already {status}."),
            (MonitorChange.Pause or MonitorChange.Resume, MonitorStatus.Canceled)
                => Outcome<Monitor>.InvalidTransition(monitor, $"The monitor is {status}, so it cannot be {(change == MonitorChange.Pause ? "paused" : "resumed")}."),
            _ => null,
        };
    }

    private static Outcome<Monitor> NotFound() => Outcome<Monitor>.NotFound("That monitor no longer exists.");

    private static Outcome<Monitor> Busy(Monitor monitor) =>
        Outcome<Monitor>.Busy(monitor, "The monitor kept changing while this change was applied; try again.");
}
