using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Users;

/// <summary>
/// Every inbound delivery names its sender; the first time a person is seen in a workspace, or when their stored
/// role is older than the directory's lifetime, a <see cref="KnownUserRefreshJob"/> asks the platform. The request
/// itself only reads one row (and not even that while this node remembers the row is fresh, or while another request of
/// the same burst is reading it). Platforms whose
/// directory answers from settings (Teams) need no stored role and are skipped.
/// </summary>
public sealed class KnownUserSightings(
    IEnumerable<IUserDirectory> directories,
    ChatBotDbContext db,
    WorkScheduler scheduler,
    KnownUserCheckTimes checks,
    TimeProvider time)
{
    /// <summary>How long after asking for a refresh this node waits before asking again for the same person, so a burst
    /// of clicks by someone not yet known enqueues one look-up, and a failed one is tried again soon.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    public async ValueTask NoteAsync(ChatAddress where, ChatUser user, CancellationToken ct)
    {
        var directory = directories.FirstOrDefault(d => d.Platform == where.Platform);
        if (directory is null || directory.AnswersLocally) return;
        var now = time.GetUtcNow();
        var key = (where.Platform, where.WorkspaceId, user.Id);
        if (!checks.TryClaim(key, now, now + RetryAfter)) return;

        var refreshedAt = await db.KnownUsers.AsNoTracking()
            .Where(u => u.Platform == where.Platform && u.WorkspaceId == where.WorkspaceId && u.UserId == user.Id)
            .Select(u => u.RefreshedAt)
            .FirstOrDefaultAsync(ct);
        if (refreshedAt is { } at && now - at < directory.RoleLifetime)
        {
            checks.Remember(key, at + directory.RoleLifetime);
            return;
        }
        // The claim already holds off this node's next look for RetryAfter.
        scheduler.Schedule(s => s.KnownUserRefresh(where.Platform, where.WorkspaceId, user.Id));
    }
}
