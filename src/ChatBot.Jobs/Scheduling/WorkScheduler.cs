using System.Transactions;
using ChatBot.Core.Chat;
using ChatBot.Core.Approvals;
using ChatBot.Jobs.Approvals;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Monitors;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Users;
using ChatBot.Jobs.Webhooks;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Scheduling;

/// <summary>
/// Turns "this work is due" into background jobs. <see cref="SaveAndScheduleAsync"/> is the one way to commit rows
/// together with the jobs they start: on PostgreSQL both go through one transaction (the job store enlists in it),
/// so a row is never committed without its job nor a job without its row. On the embedded SQLite default the job
/// store is a file of its own; <see cref="Runs.RecoverySweep"/> covers a crash between the two commits.
/// </summary>
public sealed class WorkScheduler(IBackgroundJobClient jobs, JobEngine engine)
{
    /// <summary>Saves the context's changes, then adds the jobs <paramref name="schedule"/> asks for, as one unit where the store allows.</summary>
    public async Task SaveAndScheduleAsync(DbContext db, Action<WorkScheduler> schedule, CancellationToken ct)
    {
        if (!engine.EnlistsInTransactions)
        {
            await db.SaveChangesAsync(ct);
            schedule(this);
            return;
        }
        using var scope = new TransactionScope(TransactionScopeOption.Required,
            new TransactionOptions { IsolationLevel = IsolationLevel.ReadCommitted }, TransactionScopeAsyncFlowOption.Enabled);
        await db.SaveChangesAsync(ct);
        schedule(this);
        scope.Complete();
    }

    /// <summary>Adds jobs with no rows to commit alongside (the row is already committed, or there is none).</summary>
    public void Schedule(Action<WorkScheduler> schedule) => schedule(this);

    public void Run(string runId) => jobs.Enqueue<AgentRunJob>(j => j.ExecuteAsync(runId, null, null!, CancellationToken.None));

    public void RunLater(string runId, TimeSpan delay) => jobs.Schedule<AgentRunJob>(j => j.ExecuteAsync(runId, null, null!, CancellationToken.None), delay);

    /// <summary>The approved run continues on whichever node picks this job up.</summary>
    public void Continuation(Approval approval) =>
        jobs.Enqueue<AgentRunJob>(j => j.ExecuteAsync(approval.RunId, approval.Id, null!, CancellationToken.None));

    public void ReceiptDelivery(string receiptId) => jobs.Enqueue<ReceiptDeliveryJob>(j => j.ExecuteAsync(receiptId, null!, CancellationToken.None));

    public void MessageDelivery(string messageId) => jobs.Enqueue<MessageDeliveryJob>(j => j.ExecuteAsync(messageId, null!, CancellationToken.None));

    public void WebhookDelivery(string deliveryId) => jobs.Enqueue<WebhookDeliveryJob>(j => j.ExecuteAsync(deliveryId, null!, CancellationToken.None));

    public void ApprovalExpiry(Approval approval) =>
        jobs.Schedule<ApprovalExpiryJob>(j => j.ExecuteAsync(approval.Id, CancellationToken.None), approval.ExpiresAt);

    /// <summary>One check of a monitor now, outside its cadence (the due-monitor poller enqueues the regular ones the same way).</summary>
    public void MonitorCheck(string monitorId) => jobs.Enqueue<MonitorCheckJob>(j => j.ExecuteAsync(monitorId, null!, CancellationToken.None));

    /// <summary>Looks up a person's platform role (users.info) and stores it, off the request path.</summary>
    public void KnownUserRefresh(ChatPlatform platform, string workspaceId, string userId) =>
        jobs.Enqueue<KnownUserRefreshJob>(j => j.ExecuteAsync(platform, workspaceId, userId, CancellationToken.None));
}
