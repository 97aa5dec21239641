using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;

namespace ChatBot.Jobs.Messaging;

/// <summary>Answers "is this user an admin here?" through the platform's directory; no directory means no admins.</summary>
public sealed class UserDirectoryResolver(IEnumerable<IUserDirectory> directories)
{
    private readonly Dictionary<ChatPlatform, IUserDirectory> _byPlatform = directories.ToDictionary(d => d.Platform);

    public ValueTask<bool> IsAdminAsync(ChatAddress where, string userId, CancellationToken ct) =>
        _byPlatform.TryGetValue(where.Platform, out var directory) ? directory.IsAdminAsync(where, userId, ct) : ValueTask.FromResult(false);
}
