using ChatBot.Core.Agents;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Persistence;
using Microsoft.Extensions.Logging;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// Shows a slow run's progress as one message updated in place. Nothing is posted for runs that finish within
/// <see cref="JobsOptions.ProgressAfter"/>, so quick answers don't leave a stale "working" line behind.
/// </summary>
internal sealed class ChatProgressReporter(Run run, ChatBotDbContext db, IMessengerResolver messengers, TimeProvider time, TimeSpan showAfter, ILogger logger)
    : IAgentProgress
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public async ValueTask ReportAsync(int step, string activity, CancellationToken ct)
    {
        if (run.Address is not { } address || time.GetUtcNow() - _startedAt < showAfter) return;
        var view = new ProgressView(step, activity);
        try
        {
            var messenger = messengers.For(address.Platform);
            if (run.StatusMessageId is { } messageId)
            {
                await messenger.UpdateAsync(new PostedMessage(address, messageId), view, ct);
                return;
            }
            var posted = await messenger.PostAsync(address, view, ct);
            run.StatusMessageId = posted.MessageId;
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Progress is a courtesy; a failed update must not fail the run.
            logger.LogWarning(ex, "Could not show progress for run {RunId}", run.Id);
        }
    }
}
