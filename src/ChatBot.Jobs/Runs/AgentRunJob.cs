using ChatBot.Core.Agents;
using ChatBot.Core.Approvals;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// Executes one attempt of a run: claims it (queued → running, within the workspace's cap; optimistic concurrency
/// decides between nodes), drives the agent, and records the outcome. Terminal outcomes commit together with their
/// receipt row and its outbox rows (answer, receipt) and their delivery jobs. A run that needs approval stores its transcript and frees this worker; the
/// decision starts a continuation. Exceptions (the database away) leave the run as it was for Hangfire's retry.
/// </summary>
[AutomaticRetry(Attempts = 10, DelaysInSeconds = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600])]
public sealed class AgentRunJob(
    ChatBotDbContext db,
    IAgentRunner agent,
    ReceiptWriter receipts,
    ReceiptHandOver handOver,
    ApprovalViewFormatter approvalViews,
    WorkScheduler scheduler,
    WorkspaceRunSlots slots,
    RunsInFlight inFlight,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<AgentRunJob> logger)
{
    /// <summary>The attempt this job claimed: a job that runs again after its node died resumes only its own attempt.</summary>
    private const string ClaimedAttempt = "ClaimedAttempt";

    public async Task ExecuteAsync(string runId, string? approvalId, PerformContext context, CancellationToken ct)
    {
        if (!inFlight.TryEnter(runId)) return;
        try
        {
            await ExecuteAttemptAsync(runId, approvalId, context, ct);
        }
        finally
        {
            inFlight.Leave(runId);
        }
    }

    private async Task ExecuteAttemptAsync(string runId, string? approvalId, PerformContext context, CancellationToken ct)
    {
        var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.IsTerminal) return;

        // Its request went into the outbox with the pause; the decision or the expiry moves it on.
        if (run.Status == RunStatus.AwaitingApproval) return;

        Approval? approval = null;
        if (approvalId is not null)
        {
            approval = await db.Approvals.SingleAsync(a => a.Id == approvalId, ct);
            if (approval.Status != ApprovalStatus.Approved || run.Status != RunStatus.Running) return;
            if (!await TakeUpAsync(run, context, continuation: true, ct)) return;
        }
        else if (run.Status == RunStatus.Queued)
        {
            context.SetJobParameter(ClaimedAttempt, run.Attempt + 1);
            switch (await slots.TryClaimAsync(db, run, time.GetUtcNow(), ct))
            {
                case RunClaim.WorkspaceFull:
                    scheduler.Schedule(s => s.RunLater(run.Id, options.Value.WorkspaceSlotRetryDelay));
                    return;
                case RunClaim.Lost:
                    return;
            }
        }
        else if (!await TakeUpAsync(run, context, continuation: false, ct))
        {
            return;
        }

        var request = new AgentRequest(run.Id, run.WorkspaceId, run.Request, run.Address, run.RequestedBy, run.Timezone,
            approval is null ? null : run.Transcript,
            approval is null ? null : new ApprovalDecision(approval.ToolCallId ?? "", true, approval.DecidedBy?.DisplayName ?? ""));
        var progress = new ChatProgressReporter(run, db, scheduler, time, options.Value.ProgressAfter, logger);

        AgentOutcome outcome;
        try
        {
            outcome = await agent.RunAsync(request, progress, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The node is shutting down: leave the run claimed; the job is taken up again elsewhere.
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Agent attempt failed for run {RunId}", run.Id);
            outcome = new AgentFailed(ex.Message, Transient: true, 0, [], null);
        }

        await RecordOutcomeAsync(run, outcome, ct);
    }

    /// <summary>
    /// A running run reaches this job's worker: the first execution of an approved continuation (same attempt, this
    /// node), or this job handed out again after its node died or it failed before recording an outcome (a new attempt
    /// on this node). A run running under another job's claim is left alone. False when this job must not go on.
    /// </summary>
    private async Task<bool> TakeUpAsync(Run run, PerformContext context, bool continuation, CancellationToken ct)
    {
        var claimed = context.GetJobParameter<int?>(ClaimedAttempt);
        var node = options.Value.InstanceName;
        if (continuation && claimed is null) run.ContinueOn(node, time.GetUtcNow());
        else if (claimed == run.Attempt) run.Retake(node, time.GetUtcNow());
        else return false;
        // Recorded first, as a claim is: if this node dies right after the save, the job still owns the attempt.
        context.SetJobParameter(ClaimedAttempt, run.Attempt);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another execution, a cancel or a decision moved the run first: theirs stands.
            return false;
        }
    }

    private async Task RecordOutcomeAsync(Run run, AgentOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        run.Charge(outcome.CreditsUsed, outcome.ToolsUsed);
        if (outcome.ModelUsed is not null) run.ModelUsed = outcome.ModelUsed;

        switch (outcome)
        {
            case AgentCompleted done:
                run.Transcript = null;
                run.Succeed(done.Headline, done.Summary, done.Output, now);
                await FinishAsync(run, ct);
                break;

            case AgentNeedsApproval pause:
                await PauseForApprovalAsync(run, pause, now, ct);
                break;

            case AgentFailed { Transient: true } when run.Attempt < options.Value.RunMaxAttempts:
                run.Requeue(now);
                await TrySaveAndScheduleAsync(s => s.RunLater(run.Id, RetryDelay(run.Attempt)), ct);
                break;

            case AgentFailed failed:
                run.Fail(failed.Transient ? $"{failed.Reason} (after {run.Attempt} attempts)" : failed.Reason, now);
                await FinishAsync(run, ct);
                break;
        }
        await HandOnSlotAsync(run.WorkspaceId, ct);
    }

    private TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, options.Value.RunRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 16))));

    /// <summary>
    /// This run no longer holds a slot: if the workspace was at its cap, its oldest queued run (waiting out its slot
    /// retry) may take it now. Below the cap every queued run's job is already in the queue for any free worker; a
    /// second job for it would only occupy a worker on whichever node fetched it.
    /// </summary>
    private async Task HandOnSlotAsync(string workspaceId, CancellationToken ct)
    {
        var running = await db.Runs.CountAsync(r => r.WorkspaceId == workspaceId && r.Status == RunStatus.Running, ct);
        if (running + 1 < options.Value.MaxConcurrentRunsPerWorkspace) return;
        var next = await db.Runs.AsNoTracking()
            .Where(r => r.WorkspaceId == workspaceId && r.Status == RunStatus.Queued)
            .OrderBy(r => r.CreatedAt).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (next is not null) scheduler.Schedule(s => s.Run(next));
    }

    private async Task FinishAsync(Run run, CancellationToken ct)
    {
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);
        var receipt = receipts.Create(run, workspace);
        db.Receipts.Add(receipt);
        // The receipt's posts commit with the run's end: its delivery is the next job, not one more hand-off.
        await TrySaveAndScheduleAsync(await handOver.AddAsync(db, run, receipt, workspace, ct), ct);
    }

    private async Task PauseForApprovalAsync(Run run, AgentNeedsApproval pause, DateTimeOffset now, CancellationToken ct)
    {
        var approval = new Approval(run.Id, run.WorkspaceId, pause.Call.ActionText, pause.Call.ToolName, pause.Call.ArgumentsJson,
            run.RequestedBy, pause.Call.EstimatedCredits, now, options.Value.ApprovalLifetime)
        {
            ToolCallId = pause.Call.ToolCallId,
        };
        run.Transcript = pause.Transcript;
        run.AwaitApproval(pause.Call.ActionText, now);
        db.Approvals.Add(approval);
        var request = await ApprovalRequestAsync(run, approval, now, ct);
        if (request is not null) db.OutboundMessages.Add(request);
        await TrySaveAndScheduleAsync(s =>
        {
            s.ApprovalExpiry(approval);
            if (request is not null) s.MessageDelivery(request.Id);
        }, ct);
    }

    /// <summary>The request card, built now and posted by the outbox where the run was asked (or the workspace's receipts channel).</summary>
    private async Task<OutboundMessage?> ApprovalRequestAsync(Run run, Approval approval, DateTimeOffset now, CancellationToken ct)
    {
        var address = run.Address ?? (await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct)).Receipts.DefaultChannel;
        if (address is null)
        {
            logger.LogWarning("Run {RunId} needs approval but has no channel to ask in", run.Id);
            return null;
        }
        return new OutboundMessage(address, approvalViews.Format(approval), now, purpose: OutboundPurpose.ApprovalRequest, subjectId: approval.Id);
    }

    private async Task<bool> TrySaveAndScheduleAsync(Action<WorkScheduler> schedule, CancellationToken ct)
    {
        try
        {
            await scheduler.SaveAndScheduleAsync(db, schedule, ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node or a person moved the run first (claim race, cancel, decision): theirs stands.
            return false;
        }
    }
}
