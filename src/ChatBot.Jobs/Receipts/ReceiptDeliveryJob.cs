using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Webhooks;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Receipts;

/// <summary>
/// Delivers a finished run: its answer (replacing the progress message when there is one), then the two-line
/// receipt. Each step is recorded as it succeeds, so a retry resumes where the last attempt stopped.
/// </summary>
[AutomaticRetry(Attempts = DeliveryAttempts.MaxRetries, DelaysInSeconds = [2, 4, 8, 16, 32, 60, 120, 300, 300, 300])]
public sealed class ReceiptDeliveryJob(
    ChatBotDbContext db, IMessengerResolver messengers, ReceiptFormatter formatter, RunWebhooks webhooks, WorkScheduler scheduler,
    GoneDestinations gone, IOptions<JobsOptions> options, TimeProvider time)
{
    public async Task ExecuteAsync(string receiptId, PerformContext context, CancellationToken ct)
    {
        var receipt = await db.Receipts.SingleOrDefaultAsync(r => r.Id == receiptId, ct);
        if (receipt is null || receipt.Status != ReceiptDeliveryStatus.Pending) return;
        var run = await db.Runs.SingleAsync(r => r.Id == receipt.RunId, ct);
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);

        // The webhook push is queued from here, so it rides on this durable, retried job (once per run).
        if (await webhooks.QueueAsync(db, run, ct) is { } push) await scheduler.SaveAndScheduleAsync(db, s => s.WebhookDelivery(push.Id), ct);

        receipt.RecordAttempt();
        if (receipt.Destination is not { } destination)
        {
            receipt.RecordNotPosted(time.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return;
        }

        try
        {
            var messenger = messengers.For(destination.Platform);
            var progress = run.StatusMessageId is { } id && run.Address is { } origin ? new PostedMessage(origin, id) : null;

            if (run.Status == RunStatus.Succeeded && receipt.ResultMessageId is null && !string.IsNullOrEmpty(run.Output) && run.Address is { } answerTo)
            {
                var result = new RunResultView(run.Id, run.Output);
                if (progress is not null) await messenger.UpdateAsync(progress, result, ct);
                var resultId = progress?.MessageId ?? (await messenger.PostAsync(answerTo, result, ct)).MessageId;
                receipt.RecordResultPosted(resultId);
                await db.SaveChangesAsync(ct);
                progress = null;
            }

            var view = formatter.Format(run, workspace.Receipts);
            string receiptMessageId;
            if (progress is not null && run.Status != RunStatus.Succeeded)
            {
                // A run that stopped mid-way turns its "working" line into its receipt.
                await messenger.UpdateAsync(progress, view, ct);
                receiptMessageId = progress.MessageId;
            }
            else
            {
                receiptMessageId = (await messenger.PostAsync(destination, view, ct)).MessageId;
            }
            receipt.RecordDelivered(receiptMessageId, time.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        catch (DestinationGoneException ex)
        {
            receipt.RecordFailure(ex.Message, final: true);
            await gone.ForgetAsync(db, receipt.WorkspaceId, ex, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var final = DeliveryAttempts.IsLast(context, options.Value) || ex is PlatformNotConfiguredException;
            receipt.RecordFailure(ex.Message, final);
            await db.SaveChangesAsync(CancellationToken.None);
            if (!final) throw new DeliveryFailedException($"Receipt {receiptId} attempt failed", ex);
        }
    }
}
