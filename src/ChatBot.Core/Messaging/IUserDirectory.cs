using ChatBot.Core.Chat;

namespace ChatBot.Core.Messaging;

/// <summary>
/// Platform knowledge about people, keyed by platform like <see cref="IMessenger"/>: whether a user is a workspace
/// admin/owner (Slack users.info; Teams: the configured admin ids). A directory that calls the platform is asked
/// from a job only, and its answers are stored (<see cref="Users.KnownUser"/>); the request path reads the store.
/// </summary>
public interface IUserDirectory
{
    ChatPlatform Platform { get; }

    /// <summary>True when <see cref="LookUpAsync"/> answers from this process's settings without a network call, so a
    /// request may ask it directly and a stored answer is never needed.</summary>
    bool AnswersLocally { get; }

    /// <summary>How long a looked-up role is trusted before a job asks the platform again.</summary>
    TimeSpan RoleLifetime { get; }

    /// <summary>The person as the platform knows them; a user the platform doesn't know is not an admin. Throws when
    /// the platform cannot answer now (the caller keeps what it knew and tries again later).</summary>
    ValueTask<DirectoryUser> LookUpAsync(ChatAddress where, string userId, CancellationToken ct);
}
