using ChatBot.Core.Approvals;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ChatBot.Jobs.Approvals;

/// <summary>
/// Fires at an approval's deadline: a request nobody decided expires, its run ends as expired with a receipt,
/// and the request message is updated so nobody clicks a dead button.
/// </summary>
public sealed class ApprovalExpiryJob(ChatBotDbContext db, ReceiptWriter receipts, ApprovalViewFormatter approvalViews, WorkScheduler scheduler, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var approvalId = context.MergedJobDataMap.GetString(JobKeys.ApprovalId)!;
        var approval = await db.Approvals.SingleOrDefaultAsync(a => a.Id == approvalId, ct);
        var now = time.GetUtcNow();
        if (approval is null || approval.Status != ApprovalStatus.Pending || now < approval.ExpiresAt) return;

        var run = await db.Runs.SingleAsync(r => r.Id == approval.RunId, ct);
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);
        approval.Expire(now);
        OutboundMessage? update = null;
        if (approval.RequestAddress is { } address && approval.RequestMessageId is { } messageId)
        {
            var view = approvalViews.Format(approval);
            update = new OutboundMessage(address, view, now, replaceMessageId: messageId);
            db.OutboundMessages.Add(update);
        }
        Core.Receipts.Receipt? receipt = null;
        if (run.Status == RunStatus.AwaitingApproval)
        {
            run.Expire(now);
            receipt = receipts.Create(run, workspace);
            db.Receipts.Add(receipt);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Decided at the last moment (stale version, or its receipt already exists): the decision stands.
            return;
        }
        if (update is not null) await scheduler.ScheduleMessageDeliveryAsync(update.Id, ct);
        if (receipt is not null) await scheduler.ScheduleReceiptDeliveryAsync(receipt.Id, ct);
    }
}
