using ChatBot.Core.Chat;

namespace ChatBot.Core.Messaging;

/// <summary>
/// Platform knowledge about people, keyed by platform like <see cref="IMessenger"/>: whether a user is a
/// workspace admin/owner (Slack users.info; Teams team owners). Implementations cache.
/// </summary>
public interface IUserDirectory
{
    ChatPlatform Platform { get; }

    ValueTask<bool> IsAdminAsync(ChatAddress where, string userId, CancellationToken ct);
}
