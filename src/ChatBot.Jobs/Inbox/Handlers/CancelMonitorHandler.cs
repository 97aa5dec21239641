using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>A <c>cancelmonitor</c> reply: the thread names the monitor; the confirmation goes in the same thread.</summary>
public sealed class CancelMonitorHandler(ChatBotDbContext db, WorkScheduler scheduler, TimeProvider time) : ICommandHandler
{
    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var address = invocation.Address;
        if (address.ThreadId is null)
            return CommandResult.Say("Reply `cancelmonitor` inside a monitor's thread to stop that monitor. `/monitors` lists this channel's monitors.");
        var monitor = await db.Monitors.SingleOrDefaultAsync(m =>
            m.WorkspaceId == address.WorkspaceId && m.ChannelId == address.ChannelId && m.ThreadId == address.ThreadId, ct);
        if (monitor is null) return CommandResult.Say("This thread doesn't belong to a monitor, so there is nothing to cancel.");
        if (monitor.Status == MonitorStatus.Canceled) return CommandResult.Say("This monitor is already canceled.");

        var now = time.GetUtcNow();
        var confirmation = new OutboundMessage(address, new TextView($"Monitor canceled by @{invocation.User.DisplayName}. No more updates will be posted here."), now);
        db.OutboundMessages.Add(confirmation);
        // A check may save the monitor between our read and our write; the person's cancel must still win.
        for (var attempt = 1; ; attempt++)
        {
            if (monitor.Status == MonitorStatus.Canceled) return CommandResult.Say("This monitor is already canceled.");
            monitor.Cancel(now);
            try
            {
                await scheduler.SaveAndScheduleAsync(db, s => s.MessageDelivery(confirmation.Id), ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                await db.Entry(monitor).ReloadAsync(ct);
            }
        }
        return CommandResult.Nothing;
    }
}
