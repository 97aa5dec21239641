using ChatBot.Core.Commands;
using ChatBot.Core.Common;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Application.Monitors;
using ChatBot.Jobs.Inbox.GroupCommit;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>
/// <c>/monitor</c>, <c>/hourly</c>, <c>/weekly</c>: <see cref="MonitorCreation"/> stores the monitor, due at once, with
/// the command's delivery in the group-commit writer's next batch; a query this channel already watches is answered
/// with that monitor. Its first check and root message are jobs the due-monitor poller starts.
/// </summary>
public sealed class CreateMonitorHandler(MonitorCreation creation) : IGroupCommitHandler
{
    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var command = (CreateMonitorCommand)invocation.Command;
        // Nothing is stored for a query the checker cannot watch: the same command again gets the same answer.
        if (creation.ExplainUnsupported(command.Query) is { } why) return CommandResult.Say(why);
        var write = await creation.CreateForCommandAsync(new NewMonitor(invocation.Address.WorkspaceId, command.Query, command.Cadence,
            invocation.Address, invocation.User, ReuseWatchedQuery: true), invocation.DeliveryId, ct);
        return write.Kind switch
        {
            CommandWriteKind.Stored => CommandResult.Say(
                $"Monitoring {command.Query} · {CadenceRules.Describe(command.Cadence)}. Updates will appear in a thread in this channel; reply `cancelmonitor` there to stop."),
            CommandWriteKind.AlreadyWatched when write.Monitor is { } existing => CommandResult.Say(
                $"This channel already monitors {existing.Query} · {CadenceRules.Describe(existing.Cadence)} · {WireName.Of(existing.Status)}. " +
                "Its updates go to its thread; reply `cancelmonitor` there to stop it, or use `/monitors` to pause or resume it."),
            // The same delivery was handled already (a retry, another node): it is not answered twice.
            _ => CommandResult.Nothing,
        };
    }
}
