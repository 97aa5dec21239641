namespace ChatBot.Slack.Install;

/// <summary>The bot scopes the install asks for: the least the features need (the app manifest lists the same).</summary>
public static class SlackScopes
{
    public static readonly IReadOnlyList<string> Bot =
    [
        "app_mentions:read",
        "channels:history",
        "channels:read",
        "chat:write",
        "chat:write.public",
        "commands",
        "groups:history",
        "groups:read",
        "im:history",
        "im:write",
        "mpim:history",
        "users:read",
    ];
}
