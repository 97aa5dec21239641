using ChatBot.Core.Agents;
using ChatBot.Core.Approvals;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// Executes one attempt of a run: claims it (queued → running, optimistic concurrency decides between nodes),
/// drives the agent, and records the outcome. Terminal outcomes commit together with their receipt row.
/// A run that needs approval stores its transcript and frees this worker; the decision schedules a continuation.
/// </summary>
public sealed class AgentRunJob(
    ChatBotDbContext db,
    IAgentRunner agent,
    IMessengerResolver messengers,
    ReceiptWriter receipts,
    ApprovalViewFormatter approvalViews,
    WorkScheduler scheduler,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<AgentRunJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var runId = context.MergedJobDataMap.GetString(JobKeys.RunId)!;
        var approvalId = context.MergedJobDataMap.ContainsKey(JobKeys.ApprovalId) ? context.MergedJobDataMap.GetString(JobKeys.ApprovalId) : null;

        var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || run.IsTerminal) return;

        if (run.Status == RunStatus.AwaitingApproval)
        {
            await EnsureApprovalRequestPostedAsync(run, ct);
            return;
        }

        Approval? approval = null;
        if (approvalId is not null)
        {
            approval = await db.Approvals.SingleAsync(a => a.Id == approvalId, ct);
            if (approval.Status != ApprovalStatus.Approved || run.Status != RunStatus.Running) return;
        }
        else if (run.Status == RunStatus.Queued)
        {
            run.Start(time.GetUtcNow());
            if (!await TrySaveAsync(ct)) return;
        }
        else if (!context.Recovering)
        {
            // Running and not recovering: another worker owns this attempt.
            return;
        }

        var request = new AgentRequest(run.Id, run.WorkspaceId, run.Request, run.Address, run.RequestedBy, run.Timezone,
            approval is null ? null : run.Transcript,
            approval is null ? null : new ApprovalDecision(approval.ToolCallId ?? "", true, approval.DecidedBy?.DisplayName ?? ""));
        var progress = new ChatProgressReporter(run, db, messengers, time, options.Value.ProgressAfter, logger);

        AgentOutcome outcome;
        try
        {
            outcome = await agent.RunAsync(request, progress, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The node is shutting down: leave the run claimed; recovery re-fires it elsewhere.
            throw;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Agent attempt failed for run {RunId}", run.Id);
            outcome = new AgentFailed(ex.Message, Transient: true, 0, [], null);
        }

        await RecordOutcomeAsync(context, run, outcome, ct);
    }

    private async Task RecordOutcomeAsync(IJobExecutionContext context, Run run, AgentOutcome outcome, CancellationToken ct)
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
                return;

            case AgentNeedsApproval pause:
                await PauseForApprovalAsync(run, pause, now, ct);
                return;

            case AgentFailed { Transient: true } failed when !IsLastAttempt(context):
                run.Requeue(now);
                if (!await TrySaveAsync(ct)) return;
                throw new JobExecutionException($"Run {run.Id} attempt failed: {failed.Reason}");

            case AgentFailed failed:
                run.Fail(failed.Transient ? $"{failed.Reason} (after {run.Attempt} attempts)" : failed.Reason, now);
                await FinishAsync(run, ct);
                return;
        }
    }

    private static bool IsLastAttempt(IJobExecutionContext context) =>
        context.RetryPolicy is not { } policy || context.RetryAttempt >= policy.MaxAttempts;

    private async Task FinishAsync(Run run, CancellationToken ct)
    {
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);
        var receipt = receipts.Create(run, workspace);
        db.Receipts.Add(receipt);
        if (!await TrySaveAsync(ct)) return;
        await scheduler.ScheduleReceiptDeliveryAsync(receipt.Id, ct);
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
        if (!await TrySaveAsync(ct)) return;
        await scheduler.ScheduleApprovalExpiryAsync(approval, ct);
        await EnsureApprovalRequestPostedAsync(run, ct);
    }

    /// <summary>Posts the pending request if it has not been posted yet (a retry after a failed post lands here).</summary>
    private async Task EnsureApprovalRequestPostedAsync(Run run, CancellationToken ct)
    {
        var approval = await db.Approvals
            .Where(a => a.RunId == run.Id && a.Status == ApprovalStatus.Pending)
            .OrderByDescending(a => a.CreatedAt)
            .FirstOrDefaultAsync(ct);
        if (approval is null || approval.RequestMessageId is not null) return;

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);
        var address = run.Address ?? workspace.Receipts.DefaultChannel;
        if (address is null)
        {
            logger.LogWarning("Run {RunId} needs approval but has no channel to ask in", run.Id);
            return;
        }
        var view = approvalViews.Format(approval);
        var posted = await messengers.For(address.Platform).PostAsync(address, view, ct);
        approval.RecordRequestMessage(address, posted.MessageId);
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another node or a person moved the run first (claim race, cancel, decision); theirs stands.
            return false;
        }
    }
}
