using ChatBot.Core.Agents;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// Shows a slow run's progress as one message updated in place, through the outbox: the first report is a post, each
/// later one replaces the message the previous one posted (a run's retry continues the same message). Nothing is
/// posted for runs that finish within <see cref="JobsOptions.ProgressAfter"/>, so quick answers don't leave a stale
/// "working" line behind.
/// </summary>
internal sealed class ChatProgressReporter(Run run, ChatBotDbContext db, WorkScheduler scheduler, TimeProvider time, TimeSpan showAfter, ILogger logger)
    : IAgentProgress
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private OutboundMessage? _last;

    public async ValueTask ReportAsync(int step, string activity, CancellationToken ct)
    {
        if (run.Address is not { } address || time.GetUtcNow() - _startedAt < showAfter) return;
        var view = new ProgressView(step, activity);
        OutboundMessage? row = null;
        try
        {
            _last ??= await ProgressMessages.LastAsync(db, run.Id, ct);
            var now = time.GetUtcNow();
            row = _last is null
                ? new OutboundMessage(address, view, now, purpose: OutboundPurpose.Progress, subjectId: run.Id)
                : OutboundMessage.Following(_last, OutboundRelation.Replaces, address, view, now, OutboundPurpose.Progress, run.Id);
            db.OutboundMessages.Add(row);
            await scheduler.SaveAndScheduleAsync(db, s => s.MessageDelivery(row.Id), ct);
            _last = row;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (row is not null) db.Entry(row).State = EntityState.Detached;
            // Progress is a courtesy; a failed update must not fail the run.
            logger.LogWarning(ex, "Could not show progress for run {RunId}", run.Id);
        }
    }
}
