using ChatBot.Core.Common;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Application.Runs;

/// <summary>
/// Canceling a run that has not ended, and retrying one that ended without success. A run that saves its progress
/// meanwhile does not beat the cancel; a run that ended meanwhile answers with how it ended.
/// </summary>
public sealed class RunControl(ChatBotDbContext db, ReceiptWriter receipts, WorkScheduler scheduler, TimeProvider time)
{
    public const string RetryOfKey = "retry_of";

    /// <summary>Cancels the run and queues its receipt; <paramref name="by"/> is recorded as who decided.</summary>
    public async Task<Outcome<Run>> CancelAsync(string runId, string by, CancellationToken ct)
    {
        var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return Outcome<Run>.NotFound($"No run {runId}.");
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);
        Receipt? receipt = null;
        return await OptimisticWrite.ApplyAsync(db, [run], () =>
        {
            if (run.Status == RunStatus.Canceled) return Outcome<Run>.AlreadyInState(run, $"Run {run.Id} is already canceled.");
            if (run.IsTerminal) return Outcome<Run>.InvalidTransition(run, $"Run {run.Id} already ended ({WireName.Of(run.Status)}).");
            run.Cancel(by, time.GetUtcNow());
            receipt = receipts.Create(run, workspace);
            db.Receipts.Add(receipt);
            return null;
        }, () => scheduler.SaveAndScheduleAsync(db, s => s.ReceiptDelivery(receipt!.Id), ct),
            () => Outcome<Run>.Changed(run),
            () => Outcome<Run>.Busy(run, $"Run {run.Id} kept moving on while it was being canceled; try again."), ct);
    }

    /// <summary>A finished run that did not succeed runs again as a new run with the same request and place.</summary>
    /// <returns>Changed with the new run.</returns>
    public async Task<Outcome<Run>> RetryAsync(string runId, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return Outcome<Run>.NotFound($"No run {runId}.");
        if (!run.IsTerminal || run.Status == RunStatus.Succeeded)
            return Outcome<Run>.InvalidTransition(run,
                $"Run {runId} is {WireName.Of(run.Status)}; only failed, denied, canceled or expired runs can be retried.");
        var retry = new Run(run.WorkspaceId, run.Source, run.Request, run.Address, run.RequestedBy, time.GetUtcNow()) { Timezone = run.Timezone };
        foreach (var (key, value) in run.Metadata) retry.Metadata[key] = value;
        retry.Metadata[RetryOfKey] = run.Id;
        db.Runs.Add(retry);
        // A new row races with nothing: two retries of one run are two runs, as two clicks on "retry" ask.
        await scheduler.SaveAndScheduleAsync(db, s => s.Run(retry.Id), ct);
        return Outcome<Run>.Changed(retry);
    }
}
