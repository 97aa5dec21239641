using ChatBot.Core.Common;
using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Monitors;
using ChatBot.Persistence;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>The Pause / Resume / Cancel buttons of <c>/monitors</c>; the card is redrawn with the new states.</summary>
public sealed class MonitorActionHandler(MonitorLifecycle monitors, ChatBotDbContext db) : IActionHandler
{
    public async ValueTask<CommandResult> HandleAsync(ButtonAction action, CancellationToken ct)
    {
        var change = action.ActionId switch
        {
            ActionIds.PauseMonitor => MonitorChange.Pause,
            ActionIds.ResumeMonitor => MonitorChange.Resume,
            _ => MonitorChange.Cancel,
        };
        var outcome = await monitors.ChangeAsync(await monitors.FindAsync(action.Value, action.Address.WorkspaceId, ct), change, ct);
        if (outcome.Kind is OutcomeKind.NotFound) return CommandResult.Say(outcome.Reason!);
        var monitor = outcome.Subject!;
        var text = outcome.IsChanged
            ? $"Monitor “{monitor.Query}” is now {WireName.Of(monitor.Status)}."
            : outcome.Reason!;
        return new CommandResult(new TextView(text), await ListMonitorsHandler.ViewAsync(db, action.Address, ct));
    }
}
