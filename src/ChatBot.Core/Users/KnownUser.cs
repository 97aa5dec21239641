using ChatBot.Core.Chat;

namespace ChatBot.Core.Users;

/// <summary>
/// A person the bot has seen in a workspace, with their platform role as last looked up. Clicks and commands read
/// the role from here, so no platform API is called while a person waits for an answer; a job fills and refreshes
/// it. <see cref="RefreshedAt"/> is null until the first look-up has answered: the role is not known yet.
/// </summary>
public sealed class KnownUser
{
    private KnownUser() { }

    public KnownUser(ChatPlatform platform, string workspaceId, string userId, DateTimeOffset now)
    {
        Platform = platform;
        WorkspaceId = workspaceId;
        UserId = userId;
        FirstSeenAt = now;
    }

    public ChatPlatform Platform { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public string? DisplayName { get; private set; }
    /// <summary>A workspace admin or owner on the platform (Slack: users.info's is_admin/is_owner).</summary>
    public bool IsAdmin { get; private set; }
    public DateTimeOffset FirstSeenAt { get; private set; }
    public DateTimeOffset? RefreshedAt { get; private set; }

    public bool IsRoleKnown => RefreshedAt is not null;

    public void RecordRole(bool isAdmin, string? displayName, DateTimeOffset now)
    {
        IsAdmin = isAdmin;
        if (!string.IsNullOrWhiteSpace(displayName)) DisplayName = displayName;
        RefreshedAt = now;
    }
}
