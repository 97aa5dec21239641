using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Messaging;

/// <summary>
/// The one outbound path: posts one outbox message, or updates the message it replaces, with one retry and pacing
/// policy for every kind of post. A message that depends on an earlier one waits until that one is finished, and its
/// delivery schedules the messages waiting on it, so each conversation reads in the order the rows were written.
/// The row is marked "attempt started" before the platform is called; a retry that finds the mark (the node died, or
/// the answer was lost) first asks the platform whether the post arrived and adopts it, instead of posting twice.
/// </summary>
[AutomaticRetry(Attempts = DeliveryAttempts.MaxRetries, DelaysInSeconds = [2, 4, 8, 16, 32, 60, 120, 300, 300, 300])]
public sealed class MessageDeliveryJob(
    ChatBotDbContext db, IMessengerResolver messengers, DeliveredMessageRecords records, GoneDestinations gone, WorkScheduler scheduler,
    IOptions<JobsOptions> options, TimeProvider time)
{
    /// <summary>How long an attempt another job started is left to that job (alive, or re-run by the job store after its node died).</summary>
    private static readonly TimeSpan AttemptOwnership = TimeSpan.FromMinutes(10);

    public async Task ExecuteAsync(string messageId, PerformContext context, CancellationToken ct)
    {
        var message = await db.OutboundMessages.SingleOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null || message.IsFinished) return;
        var jobId = context?.BackgroundJob?.Id ?? "";
        var now = time.GetUtcNow();
        if (message.AttemptStartedAt is { } started && message.AttemptJobId != jobId && now - started < AttemptOwnership) return;

        PostedMessage? replaces = null;
        if (message.DependsOnId is { } dependsOn)
        {
            var earlier = await db.OutboundMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == dependsOn, ct);
            // Not finished yet: that row's delivery schedules this one.
            if (earlier is { IsFinished: false }) return;
            // An earlier message that was never posted has nothing to replace or thread under: this one is posted as it is.
            if (earlier is { IsSent: true, SentMessageId: { Length: > 0 } earlierId })
            {
                if (message.Relation == OutboundRelation.Replaces) replaces = new PostedMessage(earlier.To, earlierId);
                if (message.Relation == OutboundRelation.InThreadOf) message.PlaceInThreadOf(earlier);
            }
        }

        var outcomeUnknown = message.IsOutcomeUnknown;
        message.StartAttempt(jobId, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another job claimed this attempt first.
            return;
        }

        try
        {
            var sentId = await SendAsync(message, replaces, outcomeUnknown, ct);
            message.RecordSent(sentId, time.GetUtcNow());
            await records.RecordSentAsync(db, message, ct);
            await SaveAsync(message, ct);
        }
        catch (DestinationGoneException ex)
        {
            message.RecordGaveUp(ex.Message, time.GetUtcNow());
            await records.RecordFailureAsync(db, message, final: true, CancellationToken.None);
            await gone.ForgetAsync(db, message, ex, CancellationToken.None);
            await SaveAsync(message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var final = DeliveryAttempts.IsLast(context!, options.Value) || ex is PlatformNotConfiguredException;
            // The attempt mark stays on a failure that is not final: whether the post arrived is not known.
            if (final) message.RecordGaveUp(ex.Message, time.GetUtcNow());
            else message.RecordFailure(ex.Message);
            await records.RecordFailureAsync(db, message, final, CancellationToken.None);
            await SaveAsync(message, CancellationToken.None);
            if (!final) throw new DeliveryFailedException($"Message {messageId} attempt failed", ex);
        }
        await ScheduleWaitingAsync(message.Id, CancellationToken.None);
    }

    private async Task<string> SendAsync(OutboundMessage message, PostedMessage? replaces, bool outcomeUnknown, CancellationToken ct)
    {
        var messenger = messengers.For(message.To.Platform);
        if (message.DirectTo is { } user)
        {
            await messenger.SendDirectAsync(message.To, user, message.View, ct);
            return "";
        }
        if (replaces is not null)
        {
            // Replacing is idempotent: a repeated update shows the same message.
            await messenger.UpdateAsync(replaces, message.View, ct);
            return replaces.MessageId;
        }
        var found = outcomeUnknown ? await messenger.FindDeliveredAsync(message.To, message.Id, ct) : null;
        return (found ?? await messenger.PostAsync(message.To, message.View, message.Id, ct)).MessageId;
    }

    /// <summary>Saves the outcome; a record changed meanwhile (an approval decided, a monitor paused) is reloaded and told again.</summary>
    private async Task SaveAsync(OutboundMessage message, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < 3 && ex.Entries.All(e => e.Entity is not OutboundMessage))
            {
                foreach (var entry in ex.Entries) await entry.ReloadAsync(ct);
                if (message.IsSent) await records.RecordSentAsync(db, message, ct);
                else await records.RecordFailureAsync(db, message, message.FailedAt is not null, ct);
            }
        }
    }

    /// <summary>After the outcome is committed, so a row written meanwhile either sees it or is seen here.</summary>
    private async Task ScheduleWaitingAsync(string messageId, CancellationToken ct)
    {
        var waiting = await db.OutboundMessages.AsNoTracking()
            .Where(m => m.DependsOnId == messageId && m.SentAt == null && m.FailedAt == null)
            .OrderBy(m => m.CreatedAt).Select(m => m.Id).ToListAsync(ct);
        scheduler.Schedule(s => waiting.ForEach(s.MessageDelivery));
    }
}
