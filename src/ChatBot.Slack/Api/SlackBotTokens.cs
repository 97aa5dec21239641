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
/// a workspace never acts in another team's Slack. While that question is still open the configured token is not
/// used at all: a call waits briefly for the answer, then fails with <see cref="SlackTokenTeamPendingException"/>
/// so its job tries again later. Lookups are cached briefly because every Web API call needs one; a call that
/// Slack refuses as unauthorized forgets the team, so a reinstall's new token is picked up at once.
/// </summary>
public sealed class SlackBotTokens(ISlackInstallationStore installations, IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    /// <summary>How long a call waits for auth.test's answer before leaving it to its job's retry.</summary>
    public static readonly TimeSpan PendingWait = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, (string? Token, DateTimeOffset Until)> _installed = new();
    private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _asking;

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
        await WaitForAnswerAsync(ct);
        if (ConfiguredTokenTeam is { } owner && owner != teamId)
            throw new PlatformNotConfiguredException(ChatPlatform.Slack,
                $"Workspace {teamId} is not connected to Slack: install the app in its Slack team (the configured bot token belongs to another team).");
        return configured;
    }

    /// <summary>The team <c>Slack__BotToken</c> belongs to, once auth.test has said; null until then.</summary>
    public string? ConfiguredTokenTeam { get; private set; }

    /// <summary>
    /// Called by the learner when it is created, before any job runs: from then on the configured token waits for
    /// auth.test's answer. Without a learner (the adapter's services alone, no host) there is no question to wait on.
    /// </summary>
    public void AskingWhichTeam() => _asking = true;

    public void LearnConfiguredTokenTeam(string teamId)
    {
        ConfiguredTokenTeam = teamId;
        _answered.TrySetResult();
    }

    /// <summary>Slack refused the token itself (auth.test said no): calls with it are left to Slack to refuse too.</summary>
    public void ConfiguredTokenRefused() => _answered.TrySetResult();

    public void Forget(string teamId) => _installed.TryRemove(teamId, out _);

    private async Task WaitForAnswerAsync(CancellationToken ct)
    {
        if (!_asking || _answered.Task.IsCompleted) return;
        try
        {
            await _answered.Task.WaitAsync(PendingWait, time, ct);
        }
        catch (TimeoutException)
        {
            throw new SlackTokenTeamPendingException();
        }
    }
}
