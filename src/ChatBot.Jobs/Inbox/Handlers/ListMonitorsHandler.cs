using ChatBot.Core.Chat;
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

    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct) =>
        new(await ViewAsync(db, invocation.Address, ct));

    /// <summary>The card as it stands now; also redrawn after a button, so a cancelled monitor loses its buttons.</summary>
    public static async Task<MonitorListView> ViewAsync(ChatBotDbContext db, ChatAddress address, CancellationToken ct)
    {
        var monitors = await db.Monitors.AsNoTracking()
            .Where(m => m.WorkspaceId == address.WorkspaceId && m.ChannelId == address.ChannelId && m.Status != MonitorStatus.Canceled)
            .OrderByDescending(m => m.CreatedAt)
            .Take(MaxListed)
            .Select(m => new MonitorListItem(m.Id, m.Query, m.Cadence, m.Status, m.LastRunAt))
            .ToListAsync(ct);
        return new MonitorListView(monitors);
    }
}
