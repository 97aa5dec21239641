namespace ChatBot.Slack.Api;

/// <summary>The parts of users.info the bot decides on.</summary>
public sealed record SlackUserInfo(string Id, string? Name, bool IsAdmin, bool IsOwner, bool IsBot)
{
    public bool IsWorkspaceAdmin => IsAdmin || IsOwner;
}
