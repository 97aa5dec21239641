using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Slack.Api;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Messaging;

/// <summary>
/// Workspace admins and owners according to users.info. Asked from the role refresh job only, never while a person
/// waits: the answer is stored and trusted for <see cref="SlackOptions.UserCacheDuration"/>. A user Slack doesn't
/// know is not an admin; any other failure is thrown so the stored role stays as it was (privileges are never
/// granted on an error).
/// </summary>
public sealed class SlackUserDirectory(SlackWebApiClient api, IOptionsMonitor<SlackOptions> options) : IUserDirectory
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public bool AnswersLocally => false;

    public TimeSpan RoleLifetime => options.CurrentValue.UserCacheDuration;

    public async ValueTask<DirectoryUser> LookUpAsync(ChatAddress where, string userId, CancellationToken ct)
    {
        try
        {
            var user = await api.Users.InfoAsync(where.WorkspaceId, userId, ct);
            return new DirectoryUser(user.IsWorkspaceAdmin, user.Name);
        }
        catch (SlackApiException ex) when (ex.Error is "user_not_found" or "user_not_visible")
        {
            return new DirectoryUser(false);
        }
    }
}
