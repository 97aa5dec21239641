using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Web API work that follows an inbound delivery (an ephemeral reply, replacing a clicked message). Slack wants
/// its acknowledgement within three seconds and retries otherwise, so this runs only after the ack has gone out:
/// after the HTTP response, or after the Socket Mode ack. Failures are logged: the delivery itself was already
/// handled and persisted.
/// </summary>
internal sealed record SlackFollowUp(string What, Func<CancellationToken, Task> Work)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task RunAsync(ILogger logger)
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await Work(timeout.Token);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Slack follow-up failed: {What}", What);
        }
    }
}
