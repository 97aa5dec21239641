using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Approvals;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Tests.Infrastructure;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Tests.Application;

/// <summary>Approve and Deny as every platform decides them: approvers only, the first decision wins, the loser is told who won.</summary>
public sealed class ApprovalDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    // In the playground's own workspace its one user is an admin, so no platform directory is needed.
    private static readonly ChatAddress Channel = new(ChatPlatform.Playground, Workspace.PlaygroundId, "general");
    private static readonly ChatUser Alice = new("U1", "alice");
    private static readonly ChatUser Bob = new("U2", "bob");

    private static async Task<Approval> AwaitingAsync(JobsHarness jobs)
    {
        await using var db = jobs.Open();
        db.Workspaces.Add(new Workspace(Workspace.PlaygroundId, "Playground", Now));
        var run = new Run(Workspace.PlaygroundId, RunSource.Playground, "email the customer", Channel, Alice, Now);
        run.Start(Now);
        run.AwaitApproval("Send email to customer@acme.com", Now);
        var approval = new Approval(run.Id, Workspace.PlaygroundId, "Send email to customer@acme.com", "email:send", "{}", Alice, 30, Now, TimeSpan.FromHours(1));
        db.Runs.Add(run);
        db.Approvals.Add(approval);
        await db.SaveChangesAsync();
        return approval;
    }

    private static Task<Outcome<ApprovalCard>> DecideAsync(JobsHarness jobs, ChatBotDbContext db, string approvalId, ChatUser by, ApprovalVerdict verdict,
        ChatAddress? where = null) =>
        jobs.Create<ApprovalDecisions>(db).DecideAsync(approvalId, where ?? Channel, by, verdict, CancellationToken.None);

    private static async Task<(Approval Approval, Run Run, int Receipts)> StoredAsync(JobsHarness jobs, string approvalId)
    {
        await using var db = jobs.Open();
        var approval = await db.Approvals.AsNoTracking().SingleAsync(a => a.Id == approvalId);
        return (approval, await db.Runs.AsNoTracking().SingleAsync(r => r.Id == approval.RunId), await db.Receipts.CountAsync());
    }

    [Fact]
    public async Task An_approval_continues_the_run_and_redraws_the_card_as_approved()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var approval = await AwaitingAsync(jobs);
        await using var db = jobs.Open();

        var outcome = await DecideAsync(jobs, db, approval.Id, Bob, ApprovalVerdict.Approve);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        Assert.Equal((ApprovalStatus.Approved, "bob"), (outcome.Subject!.View.Status, outcome.Subject.View.DecidedBy));
        var stored = await StoredAsync(jobs, approval.Id);
        Assert.Equal(RunStatus.Running, stored.Run.Status);
        Assert.Equal([approval.RunId], jobs.Jobs.Subjects(nameof(AgentRunJob.ExecuteAsync)));
    }

    [Fact]
    public async Task Someone_who_is_not_an_approver_an_unknown_request_and_an_expired_one_are_refused_without_a_change()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var approval = await AwaitingAsync(jobs);
        await using var db = jobs.Open();

        // Another workspace's address: no directory there makes anyone an admin, and no approver is named.
        var stranger = await DecideAsync(jobs, db, approval.Id, Bob, ApprovalVerdict.Approve, Channel with { Platform = ChatPlatform.Slack });
        Assert.Equal(OutcomeKind.NotAllowed, stranger.Kind);
        Assert.Equal(OutcomeKind.NotFound, (await DecideAsync(jobs, db, "apr_nope", Bob, ApprovalVerdict.Approve)).Kind);
        jobs.Time.Advance(TimeSpan.FromHours(2));
        var late = await DecideAsync(jobs, db, approval.Id, Bob, ApprovalVerdict.Deny);

        Assert.Equal(OutcomeKind.InvalidTransition, late.Kind);
        Assert.Equal(ApprovalStatus.Expired, late.Subject!.View.Status);
        Assert.Equal((ApprovalStatus.Pending, RunStatus.AwaitingApproval, 0), (await StoredAsync(jobs, approval.Id)) is var s ? (s.Approval.Status, s.Run.Status, s.Receipts) : default);
        Assert.Empty(jobs.Jobs.Created);
    }

    [Fact]
    public async Task An_approval_that_loses_to_a_denial_is_told_who_denied_and_the_run_does_not_continue()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var approval = await AwaitingAsync(jobs);
        await using var db = jobs.OpenLosingTo(async other =>
        {
            (await other.Approvals.SingleAsync()).Deny(Alice, Now);
            (await other.Runs.SingleAsync()).Deny(Alice.DisplayName, Now);
        });

        var outcome = await DecideAsync(jobs, db, approval.Id, Bob, ApprovalVerdict.Approve);

        Assert.Equal(OutcomeKind.AlreadyInState, outcome.Kind);
        Assert.Equal("This request was already denied by @alice.", outcome.Reason);
        Assert.Equal(ApprovalStatus.Denied, outcome.Subject!.View.Status);
        var stored = await StoredAsync(jobs, approval.Id);
        Assert.Equal((ApprovalStatus.Denied, "U1", RunStatus.Denied), (stored.Approval.Status, stored.Approval.DecidedBy!.Id, stored.Run.Status));
        Assert.Empty(jobs.Jobs.Created);
        Assert.False(db.ChangeTracker.HasChanges());
    }

    [Fact]
    public async Task Two_denials_at_once_leave_one_decision_and_one_receipt()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var approval = await AwaitingAsync(jobs);
        await using var db = jobs.OpenLosingTo(async other =>
        {
            var winner = await other.Approvals.SingleAsync();
            var run = await other.Runs.SingleAsync();
            winner.Deny(Alice, Now);
            run.Deny(Alice.DisplayName, Now);
            other.Receipts.Add(jobs.Create<ReceiptWriter>().Create(run, await other.Workspaces.SingleAsync()));
        });

        var outcome = await DecideAsync(jobs, db, approval.Id, Bob, ApprovalVerdict.Deny);

        Assert.Equal(OutcomeKind.AlreadyInState, outcome.Kind);
        Assert.Equal("This request was already denied by @alice.", outcome.Reason);
        var stored = await StoredAsync(jobs, approval.Id);
        Assert.Equal(("U1", 1), (stored.Approval.DecidedBy!.Id, stored.Receipts));
        Assert.Empty(jobs.Jobs.Created);
    }
}
