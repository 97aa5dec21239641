using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Users;
using ChatBot.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatBot.Jobs.Users;

/// <summary>
/// Asks the platform's directory for one person's role (Slack: users.info) and stores it in
/// <see cref="KnownUser"/>, where clicks and commands read it. A platform that cannot answer now keeps the stored
/// role as it was (privileges are never granted on an error) and the job is retried; a workspace the platform is not
/// connected for stores "not an admin", so the person gets a clear answer instead of waiting for ever.
/// </summary>
[AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 30, 120])]
public sealed class KnownUserRefreshJob(
    IEnumerable<IUserDirectory> directories,
    ChatBotDbContext db,
    TimeProvider time,
    ILogger<KnownUserRefreshJob> logger)
{
    public async Task ExecuteAsync(ChatPlatform platform, string workspaceId, string userId, CancellationToken ct)
    {
        var directory = directories.FirstOrDefault(d => d.Platform == platform);
        if (directory is null) return;

        DirectoryUser found;
        try
        {
            found = await directory.LookUpAsync(new ChatAddress(platform, workspaceId, ""), userId, ct);
        }
        catch (PlatformNotConfiguredException)
        {
            logger.LogInformation("{Platform} is not connected for workspace {WorkspaceId}; {UserId} is stored as not an admin", platform, workspaceId, userId);
            found = new DirectoryUser(false);
        }

        try
        {
            await StoreAsync(platform, workspaceId, userId, found, ct);
        }
        catch (DbUpdateException)
        {
            // Another node's refresh for the same person inserted the row first: update that one.
            db.ChangeTracker.Clear();
            await StoreAsync(platform, workspaceId, userId, found, ct);
        }
    }

    private async Task StoreAsync(ChatPlatform platform, string workspaceId, string userId, DirectoryUser found, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var user = await db.KnownUsers.SingleOrDefaultAsync(u => u.Platform == platform && u.WorkspaceId == workspaceId && u.UserId == userId, ct);
        if (user is null)
        {
            user = new KnownUser(platform, workspaceId, userId, now);
            db.KnownUsers.Add(user);
        }
        user.RecordRole(found.IsAdmin, found.DisplayName, now);
        await db.SaveChangesAsync(ct);
    }
}
