using ChatBot.Core.Inbound;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Monitors;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>A <c>cancelmonitor</c> reply: the thread names the monitor; the confirmation goes in the same thread.</summary>
public sealed class CancelMonitorHandler(MonitorLifecycle monitors) : ICommandHandler
{
    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var address = invocation.Address;
        if (address.ThreadId is null)
            return CommandResult.Say("Reply `cancelmonitor` inside a monitor's thread to stop that monitor. `/monitors` lists this channel's monitors.");
        var monitor = await monitors.FindByThreadAsync(address, ct);
        if (monitor is null) return CommandResult.Say("This thread doesn't belong to a monitor, so there is nothing to cancel.");
        var outcome = await monitors.CancelAsync(monitor, new CancelNotice(invocation.User, address), ct);
        return outcome.Kind switch
        {
            // The confirmation in the thread is the answer.
            OutcomeKind.Changed => CommandResult.Nothing,
            OutcomeKind.AlreadyInState => CommandResult.Say("This monitor is already canceled."),
            _ => CommandResult.Say(outcome.Reason!),
        };
    }
}
