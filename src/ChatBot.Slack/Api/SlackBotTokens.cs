using System.Collections.Concurrent;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Install;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// The bot token for a team: its OAuth install's token, else <c>Slack__BotToken</c> (single-workspace mode), but
/// only for the team that token belongs to once auth.test has said which (<see cref="SlackConfiguredTokenTeamLearner"/>):
/// a workspace never acts in another team's Slack. Lookups are cached briefly because every Web API call needs one; a call that Slack refuses as unauthorized
/// forgets the team, so a reinstall's new token is picked up at once.
/// </summary>
public sealed class SlackBotTokens(ISlackInstallationStore installations, IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string? Token, DateTimeOffset Until)> _installed = new();

    public async ValueTask<string> ForTeamAsync(string teamId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!_installed.TryGetValue(teamId, out var cached) || cached.Until <= now)
        {
            cached = (await installations.FindBotTokenAsync(teamId, ct), now + options.CurrentValue.InstallationCacheDuration);
            _installed[teamId] = cached;
        }
        if (cached.Token is { } installed) return installed;
        var configured = options.CurrentValue.BotToken;
        if (string.IsNullOrWhiteSpace(configured)) throw new PlatformNotConfiguredException(ChatPlatform.Slack);
        if (ConfiguredTokenTeam is { } owner && owner != teamId)
            throw new PlatformNotConfiguredException(ChatPlatform.Slack,
                $"Workspace {teamId} is not connected to Slack: install the app in its Slack team (the configured bot token belongs to another team).");
        return configured;
    }

    /// <summary>The team <c>Slack__BotToken</c> belongs to, once auth.test has said; null until then.</summary>
    public string? ConfiguredTokenTeam { get; private set; }

    public void LearnConfiguredTokenTeam(string teamId) => ConfiguredTokenTeam = teamId;

    public void Forget(string teamId) => _installed.TryRemove(teamId, out _);
}
