using ChatBot.Core.Messaging;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Webhooks;
using ChatBot.Persistence;

namespace ChatBot.Jobs.Receipts;

/// <summary>
/// Hands a finished run's receipt to the message outbox, once: its answer (replacing the progress message when there
/// is one) and then its two-line receipt become outbox rows with their views built now, from the terminal run, and
/// the one message delivery job posts them; the receipt learns from those rows that it was delivered. The run's
/// webhook push is queued here too (once per run). The caller saves the rows with the jobs this returns, in the
/// commit that ends the run where it can (the run job), so a receipt is one job away from its run.
/// </summary>
public sealed class ReceiptHandOver(ReceiptFormatter formatter, RunWebhooks webhooks, TimeProvider time)
{
    /// <returns>The jobs to schedule with the save: the messages' deliveries and the push.</returns>
    public async Task<Action<WorkScheduler>> AddAsync(ChatBotDbContext db, Run run, Receipt receipt, Workspace workspace, CancellationToken ct)
    {
        var push = await webhooks.QueueAsync(db, run, ct);
        receipt.RecordAttempt();
        var now = time.GetUtcNow();
        var rows = new List<OutboundMessage>();
        if (receipt.Destination is not { } destination)
        {
            receipt.RecordNotPosted(now);
        }
        else
        {
            var progress = await ProgressMessages.LastAsync(db, run.Id, ct);
            OutboundMessage? answer = null;
            if (run.Status == RunStatus.Succeeded && !string.IsNullOrEmpty(run.Output) && run.Address is { } answerTo)
            {
                var result = new RunResultView(run.Id, run.Output);
                answer = progress is not null
                    ? OutboundMessage.Following(progress, OutboundRelation.Replaces, answerTo, result, now, OutboundPurpose.Answer, receipt.Id)
                    : new OutboundMessage(answerTo, result, now, purpose: OutboundPurpose.Answer, subjectId: receipt.Id);
                rows.Add(answer);
            }

            var view = formatter.Format(run, workspace.Receipts);
            rows.Add(answer is not null
                ? OutboundMessage.Following(answer, OutboundRelation.After, destination, view, now, OutboundPurpose.Receipt, receipt.Id)
                : progress is not null && run.Address is { } origin
                    // A run that stopped mid-way turns its "working" line into its receipt.
                    ? OutboundMessage.Following(progress, OutboundRelation.Replaces, origin, view, now, OutboundPurpose.Receipt, receipt.Id)
                    : new OutboundMessage(destination, view, now, purpose: OutboundPurpose.Receipt, subjectId: receipt.Id));
        }
        db.OutboundMessages.AddRange(rows);
        return s =>
        {
            if (push is not null) s.WebhookDelivery(push.Id);
            foreach (var row in rows) s.MessageDelivery(row.Id);
        };
    }
}
