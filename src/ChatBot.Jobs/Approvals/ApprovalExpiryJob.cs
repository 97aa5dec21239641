using ChatBot.Core.Approvals;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Approvals;

/// <summary>
/// A delayed job due at an approval's deadline: a request nobody decided expires, its run ends as expired with a
/// receipt, and the request card is replaced (through the outbox) so nobody clicks a dead button.
/// </summary>
[AutomaticRetry(Attempts = 10, DelaysInSeconds = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600])]
public sealed class ApprovalExpiryJob(ChatBotDbContext db, ReceiptWriter receipts, ApprovalViewFormatter approvalViews, WorkScheduler scheduler, TimeProvider time)
{
    public async Task ExecuteAsync(string approvalId, CancellationToken ct)
    {
        var approval = await db.Approvals.SingleOrDefaultAsync(a => a.Id == approvalId, ct);
        var now = time.GetUtcNow();
        if (approval is null || approval.Status != ApprovalStatus.Pending) return;
        if (now < approval.ExpiresAt)
        {
            // Picked up early (the store's clock, or a lifetime changed): wait for the deadline again.
            scheduler.Schedule(s => s.ApprovalExpiry(approval));
            return;
        }

        var run = await db.Runs.SingleAsync(r => r.Id == approval.RunId, ct);
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);
        approval.Expire(now);
        OutboundMessage? update = null;
        // The card is replaced wherever its request row posted it, even if that post is still on its way.
        var request = await db.OutboundMessages.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Purpose == OutboundPurpose.ApprovalRequest && m.SubjectId == approval.Id, ct);
        if (request is not null)
        {
            update = OutboundMessage.Following(request, OutboundRelation.Replaces, request.To, approvalViews.Format(approval), now);
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
            await scheduler.SaveAndScheduleAsync(db, s =>
            {
                if (update is not null) s.MessageDelivery(update.Id);
                if (receipt is not null) s.ReceiptDelivery(receipt.Id);
            }, ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is not System.Data.Common.DbException { IsTransient: true })
        {
            // Decided at the last moment (stale version, or its receipt already exists): the decision stands.
        }
    }
}
