using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Workspaces;

namespace ChatBot.Jobs.Messaging;

/// <summary>
/// Answers "is this user an admin here?" through the platform's directory; no directory means no admins. The
/// playground's one user is an admin of the playground workspace and nowhere else: whoever reaches the page has
/// passed the ops rule already.
/// </summary>
public sealed class UserDirectoryResolver(IEnumerable<IUserDirectory> directories)
{
    private readonly Dictionary<ChatPlatform, IUserDirectory> _byPlatform = directories.ToDictionary(d => d.Platform);

    /// <summary>Asks by each of the person's ids (a Teams admin may be configured by AAD object id or Teams id). The
    /// playground's user is an admin only in the playground's own workspace.</summary>
    public async ValueTask<bool> IsAdminAsync(ChatAddress where, ChatUser user, CancellationToken ct)
    {
        if (where.Platform == ChatPlatform.Playground) return where.WorkspaceId == Workspace.PlaygroundId;
        if (!_byPlatform.TryGetValue(where.Platform, out var directory)) return false;
        foreach (var id in user.Ids)
            if (await directory.IsAdminAsync(where, id, ct)) return true;
        return false;
    }
}
