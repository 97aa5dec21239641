using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Users;
using ChatBot.Core.Views;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>
/// Approve and Deny. Only approvers decide; the first decision wins (optimistic concurrency across clicks and
/// nodes); an approval continues the run on any node, a denial ends it with a denial receipt.
/// </summary>
public sealed class ApprovalActionHandler(
    ChatBotDbContext db,
    IDbContextFactory<ChatBotDbContext> factory,
    UserDirectoryResolver directory,
    ReceiptWriter receipts,
    ApprovalViewFormatter approvalViews,
    WorkScheduler scheduler,
    TimeProvider time) : IActionHandler
{
    public async ValueTask<CommandResult> HandleAsync(ButtonAction action, CancellationToken ct)
    {
        var approval = await db.Approvals.SingleOrDefaultAsync(a => a.Id == action.Value, ct);
        if (approval is null || approval.WorkspaceId != action.Address.WorkspaceId)
            return CommandResult.Say("I can't find that approval request.");
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == approval.WorkspaceId, ct);
        // The role comes from the database; someone never seen before is not an approver until a job has looked
        // them up (named approvers need no look-up), so they are asked to click again rather than kept waiting.
        var role = await directory.RoleOfAsync(action.Address, action.User, ct);
        if (!workspace.IsApprover(action.User, role == UserRole.Admin))
            return CommandResult.Say(role == UserRole.Unknown
                ? UserDirectoryResolver.RoleNotKnownYet
                : "Only approvers can decide this request: workspace admins and the approvers an admin has named.");

        var now = time.GetUtcNow();
        if (approval.Status != ApprovalStatus.Pending) return AlreadyClosed(approval);
        if (approval.IsExpiredAt(now))
            return new CommandResult(new TextView("This request has expired, so it can no longer be approved or denied."), ViewOf(approval, expired: true));

        var run = await db.Runs.SingleAsync(r => r.Id == approval.RunId, ct);
        // Another click or node decided between our two reads: its decision stands.
        if (run.Status != RunStatus.AwaitingApproval) return await WinnerAsync(approval.Id, ct);
        Receipt? receipt = null;
        var approve = action.ActionId == ActionIds.Approve;
        if (approve)
        {
            approval.Approve(action.User, now);
            run.ResumeApproved(action.User.DisplayName, now);
        }
        else
        {
            approval.Deny(action.User, now);
            run.Deny(action.User.DisplayName, now);
            receipt = receipts.Create(run, workspace);
            db.Receipts.Add(receipt);
        }

        try
        {
            await scheduler.SaveAndScheduleAsync(db, s =>
            {
                if (approve) s.Continuation(approval);
                else s.ReceiptDelivery(receipt!.Id);
            }, ct);
        }
        catch (DbUpdateException) // a stale version, or the receipt's unique run id: another click or node decided first
        {
            // Drop the losing decision so the inbox's own save (the delivery record) doesn't retry it.
            db.Entry(approval).State = EntityState.Detached;
            db.Entry(run).State = EntityState.Detached;
            if (receipt is not null) db.Entry(receipt).State = EntityState.Detached;
            return await WinnerAsync(approval.Id, ct);
        }

        return new CommandResult(null, ViewOf(approval, expired: false));
    }

    private async Task<CommandResult> WinnerAsync(string approvalId, CancellationToken ct)
    {
        await using var fresh = factory.CreateDbContext();
        var winner = await fresh.Approvals.AsNoTracking().SingleAsync(a => a.Id == approvalId, ct);
        return AlreadyClosed(winner);
    }

    private CommandResult AlreadyClosed(Approval approval) => new(
        new TextView(approval.Status switch
        {
            ApprovalStatus.Approved => $"This request was already approved by @{approval.DecidedBy?.DisplayName}.",
            ApprovalStatus.Denied => $"This request was already denied by @{approval.DecidedBy?.DisplayName}.",
            _ => "This request has expired, so it can no longer be approved or denied.",
        }),
        ViewOf(approval, expired: false));

    private ApprovalRequestView ViewOf(Approval approval, bool expired) =>
        approvalViews.Format(approval, expired ? ApprovalStatus.Expired : null);
}
