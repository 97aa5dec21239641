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

    public ValueTask<bool> IsAdminAsync(ChatAddress where, string userId, CancellationToken ct) =>
        where.Platform == ChatPlatform.Playground ? ValueTask.FromResult(where.WorkspaceId == Workspace.PlaygroundId)
        : _byPlatform.TryGetValue(where.Platform, out var directory) ? directory.IsAdminAsync(where, userId, ct) : ValueTask.FromResult(false);
}
