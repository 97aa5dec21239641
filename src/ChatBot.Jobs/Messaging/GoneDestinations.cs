using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatBot.Jobs.Messaging;

/// <summary>
/// The one place a delivery handles <see cref="DestinationGoneException"/>: the workspace forgets the conversation
/// (cleared as its default receipts channel if it was that, noted for the dashboard's alerts) and one line is logged.
/// When the default receipts channel was cleared, the workspace's admins the bot knows of are told in a direct
/// message, so receipts do not just stop without anyone hearing why. The caller records its own delivery as finally
/// failed, does not retry, and saves (the notices are outbox rows that wait on its delivery).
/// </summary>
public sealed class GoneDestinations(TimeProvider time, ILogger<GoneDestinations> logger)
{
    /// <summary>Enough to reach whoever looks after the bot without messaging a large admin team one by one.</summary>
    private const int AdminsTold = 10;

    public async Task ForgetAsync(ChatBotDbContext db, OutboundMessage failed, DestinationGoneException gone, CancellationToken ct)
    {
        var workspaceId = failed.To.WorkspaceId;
        var now = time.GetUtcNow();
        var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Id == workspaceId, ct);
        var wasDefault = workspace?.Receipts.Forget(gone.Platform, gone.ChannelId, gone.Reason, now) ?? false;
        logger.LogWarning("{Platform} conversation {ChannelId} in workspace {WorkspaceId} is gone for the bot ({Reason}); deliveries there stop and it is forgotten",
            gone.Platform, gone.ChannelId, workspaceId, gone.Reason);
        if (wasDefault) await TellAdminsAsync(db, failed, gone, now, ct);
    }

    private static async Task TellAdminsAsync(ChatBotDbContext db, OutboundMessage failed, DestinationGoneException gone, DateTimeOffset now, CancellationToken ct)
    {
        var admins = await db.KnownUsers.AsNoTracking()
            .Where(u => u.Platform == gone.Platform && u.WorkspaceId == failed.To.WorkspaceId && u.IsAdmin)
            .OrderBy(u => u.UserId).Take(AdminsTold).ToListAsync(ct);
        var notice = new TextView(
            $"Receipts can no longer be posted in {ChannelMention.Of(gone.ChannelId, "the default receipts channel")} ({gone.Reason}), " +
            "so it is no longer the default receipts channel and receipts of runs without a channel are not posted. " +
            "Set a new one with `/receipts here` in the channel you want.");
        foreach (var admin in admins)
            db.OutboundMessages.Add(OutboundMessage.Following(failed, OutboundRelation.After, failed.To.WithoutThread(), notice, now,
                directTo: new ChatUser(admin.UserId, admin.DisplayName)));
    }
}
