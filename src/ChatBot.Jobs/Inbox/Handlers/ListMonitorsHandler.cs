using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary><c>/monitors</c>: this channel's live monitors, newest first, with their buttons.</summary>
public sealed class ListMonitorsHandler(ChatBotDbContext db) : ICommandHandler
{
    private const int MaxListed = 40;

    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var address = invocation.Address;
        var monitors = await db.Monitors.AsNoTracking()
            .Where(m => m.WorkspaceId == address.WorkspaceId && m.ChannelId == address.ChannelId && m.Status != MonitorStatus.Canceled)
            .OrderByDescending(m => m.CreatedAt)
            .Take(MaxListed)
            .Select(m => new MonitorListItem(m.Id, m.Query, m.Cadence, m.Status, m.LastRunAt))
            .ToListAsync(ct);
        return new CommandResult(new MonitorListView(monitors));
    }
}
