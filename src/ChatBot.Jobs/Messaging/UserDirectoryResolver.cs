using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;

namespace ChatBot.Jobs.Messaging;

/// <summary>Answers "is this user an admin here?" through the platform's directory; no directory means no admins.</summary>
public sealed class UserDirectoryResolver(IEnumerable<IUserDirectory> directories)
{
    private readonly Dictionary<ChatPlatform, IUserDirectory> _byPlatform = directories.ToDictionary(d => d.Platform);

    /// <summary>Asks by each of the person's ids (a Teams admin may be configured by AAD object id or Teams id).</summary>
    public async ValueTask<bool> IsAdminAsync(ChatAddress where, ChatUser user, CancellationToken ct)
    {
        if (!_byPlatform.TryGetValue(where.Platform, out var directory)) return false;
        foreach (var id in user.Ids)
            if (await directory.IsAdminAsync(where, id, ct)) return true;
        return false;
    }
}
