using System.Net.Http.Headers;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Install;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// At startup, asks Slack (auth.test) which team <c>Slack__BotToken</c> belongs to, so that token acts only there,
/// and records that team as connected so requests can decide from the database alone. A network failure is
/// retried; Slack refusing the token is logged once and the token then serves no team it can prove.
/// </summary>
public sealed class SlackConfiguredTokenTeamLearner(
    SlackApiTransport transport, SlackBotTokens tokens, ISlackInstallationStore installations, IOptionsMonitor<SlackOptions> options,
    TimeProvider time, ILogger<SlackConfiguredTokenTeamLearner> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var token = options.CurrentValue.BotToken;
        if (string.IsNullOrWhiteSpace(token)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var answer = await transport.SendAsync("auth.test", new AuthenticationHeaderValue("Bearer", token),
                    () => new FormUrlEncodedContent([]), waitOutRateLimits: true, stoppingToken);
                var team = SlackApiTransport.RequiredString(answer, "team_id", "auth.test");
                tokens.LearnConfiguredTokenTeam(team);
                await installations.RecordConfiguredTokenTeamAsync(team, answer["team"]?.GetValue<string>() ?? team, stoppingToken);
                logger.LogInformation("Slack__BotToken belongs to team {Team}; it acts only there", team);
                return;
            }
            catch (SlackApiException ex) when (!ex.Error.StartsWith("http_", StringComparison.Ordinal))
            {
                logger.LogWarning("Slack auth.test refused Slack__BotToken ({Error}); no workspace is connected through it", ex.Error);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or SlackApiException or SlackRateLimitedException or TaskCanceledException
                                       && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Slack auth.test failed ({Reason}); retrying in {Delay}", ex.GetType().Name, RetryDelay);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }
}
