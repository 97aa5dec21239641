using System.Net.Http.Headers;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Install;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// At startup, asks Slack (auth.test) which team <c>Slack__BotToken</c> belongs to, so that token acts only there,
/// and records that team as connected so requests can decide from the database alone. Until Slack answers, the token
/// is used for no team (<see cref="SlackBotTokens"/>). A network failure is retried, a rate limit after its
/// Retry-After; Slack refusing the token is logged once, and Slack then refuses the token's calls as well.
/// </summary>
public sealed class SlackConfiguredTokenTeamLearner : BackgroundService
{
    private readonly SlackApiTransport _transport;
    private readonly SlackBotTokens _tokens;
    private readonly ISlackInstallationStore _installations;
    private readonly IOptionsMonitor<SlackOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<SlackConfiguredTokenTeamLearner> _logger;

    public SlackConfiguredTokenTeamLearner(SlackApiTransport transport, SlackBotTokens tokens, ISlackInstallationStore installations,
        IOptionsMonitor<SlackOptions> options, TimeProvider time, ILogger<SlackConfiguredTokenTeamLearner> logger)
    {
        (_transport, _tokens, _installations, _options, _time, _logger) = (transport, tokens, installations, options, time, logger);
        // Here rather than at start: the host creates every hosted service before it starts any, so no job can use
        // the token before the question is open.
        if (!string.IsNullOrWhiteSpace(options.CurrentValue.BotToken)) tokens.AskingWhichTeam();
    }

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var token = _options.CurrentValue.BotToken;
        if (string.IsNullOrWhiteSpace(token)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var answer = await _transport.SendAsync("auth.test", new AuthenticationHeaderValue("Bearer", token),
                    () => new FormUrlEncodedContent([]), waitOutRateLimits: true, stoppingToken);
                var team = SlackApiTransport.RequiredString(answer, "team_id", "auth.test");
                _tokens.LearnConfiguredTokenTeam(team);
                await _installations.RecordConfiguredTokenTeamAsync(team, answer["team"]?.GetValue<string>() ?? team, stoppingToken);
                _logger.LogInformation("Slack__BotToken belongs to team {Team}; it acts only there", team);
                return;
            }
            catch (SlackRateLimitedException ex)
            {
                _logger.LogInformation("Slack auth.test is rate limited; asking again in {Delay}", ex.RetryAfter);
                await Task.Delay(ex.RetryAfter, _time, stoppingToken);
            }
            catch (SlackApiException ex) when (!ex.Error.StartsWith("http_", StringComparison.Ordinal))
            {
                _logger.LogWarning("Slack auth.test refused Slack__BotToken ({Error}); no workspace is connected through it", ex.Error);
                _tokens.ConfiguredTokenRefused();
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or SlackApiException or TaskCanceledException
                                       && !stoppingToken.IsCancellationRequested)
            {
                _logger.LogWarning("Slack auth.test failed ({Reason}); retrying in {Delay}", ex.GetType().Name, RetryDelay);
                await Task.Delay(RetryDelay, _time, stoppingToken);
            }
        }
    }
}
