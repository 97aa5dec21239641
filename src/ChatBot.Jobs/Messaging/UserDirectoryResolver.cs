using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Users;
using ChatBot.Core.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Messaging;

/// <summary>
/// Answers "is this user an admin here?" without calling a platform: from the stored <see cref="KnownUser"/> role
/// (filled by <see cref="Users.KnownUserRefreshJob"/>), or from a directory that answers from settings. No directory
/// means no admins. The playground's one user is an admin of the playground workspace and nowhere else: whoever
/// reaches the page has passed the ops rule already.
/// </summary>
public sealed class UserDirectoryResolver(IEnumerable<IUserDirectory> directories, ChatBotDbContext db)
{
    /// <summary>What a person whose role is still being looked up is told; their first sighting has asked for it.</summary>
    public const string RoleNotKnownYet =
        "I'm still checking your role in this workspace (I look it up the first time I see someone). Please try again in a few seconds.";

    private readonly Dictionary<ChatPlatform, IUserDirectory> _byPlatform = directories.ToDictionary(d => d.Platform);

    /// <summary>A directory that answers locally is asked by each of the person's ids (a Teams admin may be configured by
    /// AAD object id or Teams id); a stored role is keyed by the platform's user id.</summary>
    public async ValueTask<UserRole> RoleOfAsync(ChatAddress where, ChatUser user, CancellationToken ct)
    {
        if (where.Platform == ChatPlatform.Playground) return where.WorkspaceId == Workspace.PlaygroundId ? UserRole.Admin : UserRole.Member;
        if (!_byPlatform.TryGetValue(where.Platform, out var directory)) return UserRole.Member;
        if (directory.AnswersLocally)
        {
            foreach (var id in user.Ids)
                if ((await directory.LookUpAsync(where, id, ct)).IsAdmin) return UserRole.Admin;
            return UserRole.Member;
        }

        var known = await db.KnownUsers.AsNoTracking()
            .Where(u => u.Platform == where.Platform && u.WorkspaceId == where.WorkspaceId && u.UserId == user.Id)
            .Select(u => new { u.RefreshedAt, u.IsAdmin })
            .FirstOrDefaultAsync(ct);
        // A stale role still answers (its refresh is under way): better than making everyone wait after each lifetime.
        return known?.RefreshedAt is null ? UserRole.Unknown : known.IsAdmin ? UserRole.Admin : UserRole.Member;
    }
}
