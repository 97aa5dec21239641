using ChatBot.Core.Chat;

namespace ChatBot.Core.Workspaces;

/// <summary>
/// The bot installed in one workspace through the platform's OAuth flow: the credentials its calls there use.
/// The bot token is stored protected (encrypted at rest); only the platform adapter ever sees it in clear.
/// </summary>
public sealed class BotInstallation
{
    private BotInstallation() { }

    public BotInstallation(ChatPlatform platform, string workspaceId, DateTimeOffset now)
    {
        Platform = platform;
        WorkspaceId = workspaceId;
        InstalledAt = now;
    }

    public ChatPlatform Platform { get; private set; }
    public string WorkspaceId { get; private set; } = "";
    public string AppId { get; private set; } = "";
    public string BotUserId { get; private set; } = "";
    public string ProtectedBotToken { get; private set; } = "";
    /// <summary>The scopes the installer granted, comma-separated as the platform reports them.</summary>
    public string Scopes { get; private set; } = "";
    public string InstalledBy { get; private set; } = "";
    public DateTimeOffset InstalledAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// The workspace the configured bot token (<c>Slack__BotToken</c>) belongs to: connected like an install, but
    /// with no stored token of its own.
    /// </summary>
    public static BotInstallation ConfiguredToken(ChatPlatform platform, string workspaceId, DateTimeOffset now)
    {
        var installation = new BotInstallation(platform, workspaceId, now);
        installation.Record("", "", "", "", "configuration", now);
        return installation;
    }

    /// <summary>A first install or a reinstall (new scopes, new token): the latest one wins.</summary>
    public void Record(string appId, string botUserId, string protectedBotToken, string scopes, string installedBy, DateTimeOffset now)
    {
        AppId = appId;
        BotUserId = botUserId;
        ProtectedBotToken = protectedBotToken;
        Scopes = scopes;
        InstalledBy = installedBy;
        UpdatedAt = now;
    }
}
