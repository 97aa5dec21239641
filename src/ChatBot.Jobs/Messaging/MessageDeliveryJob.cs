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
/// Posts one outbox message (or updates the message it replaces). A monitor's root message, once posted,
/// becomes the monitor's thread.
/// </summary>
[AutomaticRetry(Attempts = DeliveryAttempts.MaxRetries, DelaysInSeconds = [2, 4, 8, 16, 32, 60, 120, 300, 300, 300])]
public sealed class MessageDeliveryJob(ChatBotDbContext db, IMessengerResolver messengers, GoneDestinations gone, IOptions<JobsOptions> options, TimeProvider time)
{
    public async Task ExecuteAsync(string messageId, PerformContext context, CancellationToken ct)
    {
        var message = await db.OutboundMessages.SingleOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null || message.IsSent) return;

        message.RecordAttempt();
        try
        {
            var messenger = messengers.For(message.To.Platform);
            string sentId;
            if (message.DirectTo is { } user)
            {
                await messenger.SendDirectAsync(message.To, user, message.View, ct);
                sentId = "";
            }
            else if (message.ReplaceMessageId is { } replace)
            {
                await messenger.UpdateAsync(new PostedMessage(message.To, replace), message.View, ct);
                sentId = replace;
            }
            else
            {
                sentId = (await messenger.PostAsync(message.To, message.View, ct)).MessageId;
            }

            var now = time.GetUtcNow();
            message.RecordSent(sentId, now);
            if (message.MonitorId is { } monitorId && sentId.Length > 0)
            {
                var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == monitorId, ct);
                if (monitor is not null && monitor.Address is { ThreadId: null }) monitor.AttachThread(sentId, now);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DestinationGoneException ex)
        {
            message.RecordFailure(ex.Message);
            await gone.ForgetAsync(db, message.To.WorkspaceId, ex, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            message.RecordFailure(ex.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            var final = DeliveryAttempts.IsLast(context, options.Value) || ex is PlatformNotConfiguredException;
            if (!final) throw new DeliveryFailedException($"Message {messageId} attempt failed", ex);
        }
    }
}
