namespace ChatBot.Slack.Install;

/// <summary>What an OAuth v2 install (oauth.v2.access) gives the bot for one team.</summary>
public sealed record SlackInstallation(
    string TeamId,
    string TeamName,
    string AppId,
    string BotUserId,
    string BotToken,
    string Scopes,
    string InstalledBy);
