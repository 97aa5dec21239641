using ChatBot.Core.Messaging;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatBot.Jobs.Messaging;

/// <summary>
/// The one place a delivery handles <see cref="DestinationGoneException"/>: the workspace forgets the conversation
/// (cleared as its default receipts channel if it was that, noted for the dashboard's alerts) and one line is logged.
/// The caller records its own delivery as finally failed and does not retry.
/// </summary>
public sealed class GoneDestinations(TimeProvider time, ILogger<GoneDestinations> logger)
{
    public async Task ForgetAsync(ChatBotDbContext db, string workspaceId, DestinationGoneException gone, CancellationToken ct)
    {
        var workspace = await db.Workspaces.SingleOrDefaultAsync(w => w.Id == workspaceId, ct);
        workspace?.Receipts.Forget(gone.Platform, gone.ChannelId, gone.Reason, time.GetUtcNow());
        logger.LogWarning("{Platform} conversation {ChannelId} in workspace {WorkspaceId} is gone for the bot ({Reason}); deliveries there stop and it is forgotten",
            gone.Platform, gone.ChannelId, workspaceId, gone.Reason);
    }
}
