using ChatBot.Core.Common;
using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>The Pause / Resume / Cancel buttons of <c>/monitors</c>; the card is redrawn with the new states.</summary>
public sealed class MonitorActionHandler(ChatBotDbContext db, TimeProvider time) : IActionHandler
{
    public async ValueTask<CommandResult> HandleAsync(ButtonAction action, CancellationToken ct)
    {
        var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == action.Value && m.WorkspaceId == action.Address.WorkspaceId, ct);
        if (monitor is null || monitor.IsDeleted) return CommandResult.Say("That monitor no longer exists.");
        var now = time.GetUtcNow();
        try
        {
            switch (action.ActionId)
            {
                case ActionIds.PauseMonitor: monitor.Pause(now); break;
                case ActionIds.ResumeMonitor: monitor.Resume(now); break;
                default: monitor.Cancel(now); break;
            }
        }
        catch (InvalidTransitionException)
        {
            return CommandResult.Say($"That monitor is {monitor.Status.ToString().ToLowerInvariant()}, so that button does nothing now.");
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A check, another click or another node changed the monitor first: theirs stands.
            db.Entry(monitor).State = EntityState.Detached;
            return CommandResult.Say("That monitor changed meanwhile; look at /monitors again.");
        }
        return new CommandResult(new TextView($"Monitor “{monitor.Query}” is now {monitor.Status.ToString().ToLowerInvariant()}."),
            await ListMonitorsHandler.ViewAsync(db, action.Address, ct));
    }
}
