using System.Collections.Concurrent;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Slack.Api;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Messaging;

/// <summary>
/// Workspace admins and owners according to users.info, cached for <see cref="SlackOptions.UserCacheDuration"/>
/// because admin checks sit on the request path of button clicks and commands. When Slack cannot answer, the
/// user is treated as not an admin: privileges are never granted on an error.
/// </summary>
public sealed class SlackUserDirectory(
    SlackWebApiClient api,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackUserDirectory> logger) : IUserDirectory
{
    private readonly ConcurrentDictionary<(string Workspace, string User), (bool IsAdmin, DateTimeOffset Until)> _cache = new();

    public ChatPlatform Platform => ChatPlatform.Slack;

    public async ValueTask<bool> IsAdminAsync(ChatAddress where, string userId, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var key = (where.WorkspaceId, userId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now) return cached.IsAdmin;

        try
        {
            var user = await api.Users.InfoAsync(where.WorkspaceId, userId, ct);
            _cache[key] = (user.IsWorkspaceAdmin, now + settings.UserCacheDuration);
            return user.IsWorkspaceAdmin;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException or PlatformNotConfiguredException)
        {
            logger.LogWarning(ex, "Could not look up Slack user {UserId}; treating them as not an admin", userId);
            return false;
        }
    }
}
