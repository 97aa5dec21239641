using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Slack wants its 200 within three seconds and retries otherwise, so Web API calls that follow an inbound
/// request (an ephemeral reply, replacing a clicked message) run after the response has been sent.
/// Failures are logged: the request itself was already handled and persisted.
/// </summary>
internal static class SlackFollowUp
{
    public static void AfterResponse(HttpContext http, ILogger logger, string what, Func<CancellationToken, Task> work) =>
        http.Response.OnCompleted(async () =>
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await work(timeout.Token);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Slack follow-up failed: {What}", what);
            }
        });
}
