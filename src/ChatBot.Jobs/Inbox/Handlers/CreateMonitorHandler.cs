using ChatBot.Core.Commands;
using ChatBot.Core.Common;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>
/// <c>/monitor</c>, <c>/hourly</c>, <c>/weekly</c>: stores the monitor, due at once; the due-monitor poller then
/// enqueues its first check (which posts the root message) and keeps it on its cadence. A query this channel already
/// watches is answered with that monitor.
/// </summary>
public sealed class CreateMonitorHandler(ChatBotDbContext db, IMonitorChecker checker, TimeProvider time) : ICommandHandler
{
    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var command = (CreateMonitorCommand)invocation.Command;
        var kind = MonitorClassifier.Classify(command.Query);
        if (checker.ExplainUnsupported(command.Query, kind) is { } why) return CommandResult.Say(why);
        var address = invocation.Address;
        var existing = await db.Monitors.AsNoTracking()
            .Where(m => m.WorkspaceId == address.WorkspaceId && m.ChannelId == address.ChannelId && m.Query == command.Query
                && m.Status != MonitorStatus.Canceled && m.DeletedAt == null)
            .OrderBy(m => m.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (existing is not null)
            return CommandResult.Say(
                $"This channel already monitors {existing.Query} · {CadenceRules.Describe(existing.Cadence)} · {WireName.Of(existing.Status)}. " +
                "Its updates go to its thread; reply `cancelmonitor` there to stop it, or use `/monitors` to pause or resume it.");

        var monitor = new Monitor(invocation.Address.WorkspaceId, command.Query, command.Cadence, kind,
            invocation.Address.WithoutThread(), invocation.User, time.GetUtcNow());
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync(ct);
        return CommandResult.Say(
            $"Monitoring {command.Query} · {CadenceRules.Describe(command.Cadence)}. Updates will appear in a thread in this channel; reply `cancelmonitor` there to stop.");
    }
}
