using ChatBot.Core.Commands;
using ChatBot.Core.Common;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Monitors;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>
/// <c>/monitor</c>, <c>/hourly</c>, <c>/weekly</c>: <see cref="MonitorCreation"/> stores the monitor, due at once;
/// a query this channel already watches is answered with that monitor.
/// </summary>
public sealed class CreateMonitorHandler(MonitorCreation creation) : ICommandHandler
{
    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var command = (CreateMonitorCommand)invocation.Command;
        var outcome = await creation.CreateAsync(new NewMonitor(invocation.Address.WorkspaceId, command.Query, command.Cadence,
            invocation.Address, invocation.User, ReuseWatchedQuery: true), ct);
        return outcome.Kind switch
        {
            OutcomeKind.Changed => CommandResult.Say(
                $"Monitoring {command.Query} · {CadenceRules.Describe(command.Cadence)}. Updates will appear in a thread in this channel; reply `cancelmonitor` there to stop."),
            OutcomeKind.AlreadyInState when outcome.Subject is { } existing => CommandResult.Say(
                $"This channel already monitors {existing.Query} · {CadenceRules.Describe(existing.Cadence)} · {WireName.Of(existing.Status)}. " +
                "Its updates go to its thread; reply `cancelmonitor` there to stop it, or use `/monitors` to pause or resume it."),
            _ => CommandResult.Say(outcome.Reason!),
        };
    }
}
