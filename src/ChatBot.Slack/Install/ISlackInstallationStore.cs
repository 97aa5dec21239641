namespace ChatBot.Slack.Install;

/// <summary>
/// Where OAuth installs live (the host keeps them in the database, token encrypted at rest). Saving an install
/// is also where the host decides what follows it, such as greeting the installer.
/// </summary>
public interface ISlackInstallationStore
{
    /// <summary>The bot token of the team's OAuth install, or null when the team never installed the bot that way.</summary>
    Task<string?> FindBotTokenAsync(string teamId, CancellationToken ct);

    Task SaveAsync(SlackInstallation installation, CancellationToken ct);

    /// <summary>
    /// Records that <c>Slack__BotToken</c> belongs to this team (learned from auth.test), so the team's workspace
    /// counts as connected to Slack; an OAuth install of the team is left as it is.
    /// </summary>
    Task RecordConfiguredTokenTeamAsync(string teamId, string teamName, CancellationToken ct);

    /// <summary>
    /// Records that an install state (its nonce) was used. False when it was used before: a replayed callback,
    /// refused even with the right cookie and within the state's lifetime, on any node.
    /// </summary>
    Task<bool> TryConsumeStateAsync(string nonce, CancellationToken ct);

    /// <summary>The app was uninstalled or its tokens revoked: the stored token is useless now.</summary>
    Task RemoveAsync(string teamId, CancellationToken ct);
}
