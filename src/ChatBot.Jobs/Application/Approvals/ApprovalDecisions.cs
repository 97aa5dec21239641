using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Users;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Application.Approvals;

/// <summary>
/// Approve and Deny, from any platform. Only approvers decide; the first decision wins across clicks and nodes, and
/// a later one is answered with it ("already approved by @x"); an approval continues the run on any node, a denial
/// ends it with a denial receipt. Every answer carries the request card redrawn to the approval's state.
/// </summary>
public sealed class ApprovalDecisions(
    ChatBotDbContext db,
    UserDirectoryResolver directory,
    ReceiptWriter receipts,
    ApprovalViewFormatter approvalViews,
    WorkScheduler scheduler,
    TimeProvider time)
{
    /// <param name="where">Where the person clicked: their platform answers whether they are a workspace admin.</param>
    public async Task<Outcome<ApprovalCard>> DecideAsync(string approvalId, ChatAddress where, ChatUser by, ApprovalVerdict verdict, CancellationToken ct)
    {
        var approval = await db.Approvals.SingleOrDefaultAsync(a => a.Id == approvalId, ct);
        if (approval is null || approval.WorkspaceId != where.WorkspaceId)
            return Outcome<ApprovalCard>.NotFound("I can't find that approval request.");
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == approval.WorkspaceId, ct);
        // The role comes from the database; someone never seen before is not an approver until a job has looked
        // them up (named approvers need no look-up), so they are asked to click again rather than kept waiting.
        var role = await directory.RoleOfAsync(where, by, ct);
        if (!workspace.IsApprover(by, role == UserRole.Admin))
            return Outcome<ApprovalCard>.NotAllowed(role == UserRole.Unknown
                ? UserDirectoryResolver.RoleNotKnownYet
                : "Only approvers can decide this request: workspace admins and the approvers an admin has named.");

        var run = await db.Runs.SingleAsync(r => r.Id == approval.RunId, ct);
        Receipt? receipt = null;
        return await OptimisticWrite.ApplyAsync(db, [approval, run], () =>
        {
            var now = time.GetUtcNow();
            if (approval.Status != ApprovalStatus.Pending) return Closed(approval);
            if (approval.IsExpiredAt(now))
                return Outcome<ApprovalCard>.InvalidTransition(Card(approval, ApprovalStatus.Expired), ExpiredText);
            // The run moved on without this approval's row changing (canceled by an operator, say).
            if (run.Status != RunStatus.AwaitingApproval)
                return Outcome<ApprovalCard>.InvalidTransition(Card(approval, ApprovalStatus.Expired), $"The run already ended ({run.Status.ToString().ToLowerInvariant()}), so this request can no longer be decided.");
            if (verdict == ApprovalVerdict.Approve)
            {
                approval.Approve(by, now);
                run.ResumeApproved(by.DisplayName, now);
            }
            else
            {
                approval.Deny(by, now);
                run.Deny(by.DisplayName, now);
                receipt = receipts.Create(run, workspace);
                db.Receipts.Add(receipt);
            }
            return null;
        }, () => scheduler.SaveAndScheduleAsync(db, s =>
        {
            if (receipt is null) s.Continuation(approval);
            else s.ReceiptDelivery(receipt.Id);
        }, ct), () => Outcome<ApprovalCard>.Changed(Card(approval)),
            () => Outcome<ApprovalCard>.Busy(Card(approval), "This request changed while it was being decided; try again."), ct);
    }

    private const string ExpiredText = "This request has expired, so it can no longer be approved or denied.";

    private Outcome<ApprovalCard> Closed(Approval approval) => Outcome<ApprovalCard>.AlreadyInState(Card(approval), approval.Status switch
    {
        ApprovalStatus.Approved => $"This request was already approved by @{approval.DecidedBy?.DisplayName}.",
        ApprovalStatus.Denied => $"This request was already denied by @{approval.DecidedBy?.DisplayName}.",
        _ => ExpiredText,
    });

    private ApprovalCard Card(Approval approval, ApprovalStatus? shown = null) => new(approval, approvalViews.Format(approval, shown));
}
