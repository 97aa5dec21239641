using ChatBot.Core.Chat;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Workspaces;

/// <summary>
/// A workspace acts on a chat platform only where it belongs: in Slack when it is a Slack team the bot is connected
/// to (an OAuth install, or the team <c>Slack__BotToken</c> belongs to), in Teams when it is a Teams tenant the bot
/// has heard from. Requests that name a destination are refused from the database alone; the platform adapters
/// refuse the same posts again when a job makes them.
/// </summary>
public static class ChatConnections
{
    public const string NotASlackWorkspace = "NOT_A_SLACK_WORKSPACE";
    public const string NotATeamsTenant = "NOT_A_TEAMS_TENANT";

    /// <summary>Why the workspace cannot post on that platform (a code and a sentence for the caller), or null.</summary>
    public static async Task<(string Code, string Message)?> RefusalAsync(ChatBotDbContext db, string workspaceId, ChatPlatform platform, CancellationToken ct)
    {
        if (platform == ChatPlatform.Slack
            && !await db.BotInstallations.AnyAsync(i => i.Platform == ChatPlatform.Slack && i.WorkspaceId == workspaceId, ct))
            return (NotASlackWorkspace, "This workspace is not connected to a Slack team, so it cannot answer in a Slack channel. "
                + "Install the app in the team (/slack/install), or use the workspace of that team.");
        if (platform == ChatPlatform.Teams && !await TeamsTenants.IsTenantAsync(db, workspaceId, ct))
            return (NotATeamsTenant, "This workspace is not a Microsoft Teams tenant, so it cannot answer in a Teams conversation. "
                + "Add the bot in Teams (a tenant is recorded with its first message to the bot), or use the workspace of that tenant.");
        return null;
    }
}
