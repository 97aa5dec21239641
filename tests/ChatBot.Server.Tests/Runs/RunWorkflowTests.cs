using ChatBot.Core.Agents;
using ChatBot.Core.Approvals;
using ChatBot.Core.Inbound;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Runs;

/// <summary>The run workflow end to end on each store: inbox → job → agent → terminal state → one receipt in chat.</summary>
public sealed class RunWorkflowTests
{
    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_task_runs_and_posts_its_answer_then_exactly_one_success_receipt(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent.Then(new AgentCompleted("Summarized last 24h of #customer-feedback", "3 themes, 4 follow-ups owned", "Full summary…", 120,
            ["slack:history", "notion:search"], "test/model"));
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("summarize last 24h of #customer-feedback"));

        var receipt = await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(120, run.CreditsUsed);
        Assert.Equal(["slack:history", "notion:search"], run.ToolsUsed);
        Assert.Equal(run.Id, receipt.RunId);
        Assert.Equal(ReceiptKind.Success, receipt.Kind);
        var answer = Assert.Single(app.Messenger.Views<RunResultView>());
        Assert.Equal("Full summary…", answer.Output);
        var posted = Assert.Single(app.Messenger.Views<ReceiptView>());
        Assert.Equal("✓ Summarized last 24h of #customer-feedback — 3 themes, 4 follow-ups owned", posted.Title);
        Assert.StartsWith("120 credits · Slack, Notion · view details ↗", posted.DetailsLine);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_permanent_failure_ends_the_run_with_a_failure_receipt_carrying_the_correlation_id(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent.Then(new AgentFailed("Could not reach HubSpot API (502 after 3 retries)", Transient: false, 140, [], "test/model"));
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("sync the CRM"));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(140, run.CreditsUsed);
        var posted = Assert.Single(app.Messenger.Views<ReceiptView>());
        Assert.Equal("⚠ Failed: Could not reach HubSpot API (502 after 3 retries)", posted.Title);
        Assert.Contains($"correlation_id {run.CorrelationId}", posted.DetailsLine);
        Assert.StartsWith("140 credits charged", posted.DetailsLine);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_transient_failure_is_retried_and_charges_every_attempt(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent
            .Then(new AgentFailed("model timed out", Transient: true, 10, ["web:fetch"], "test/model"))
            .Then(new AgentCompleted("Checked the status page", "all green", "All systems operational.", 5, [], "test/model"));
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("is the status page green?"));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Attempt);
        Assert.Equal(15, run.CreditsUsed);
        Assert.Equal(["web:fetch"], run.ToolsUsed);
        Assert.Equal(2, app.Agent.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_run_failing_every_attempt_fails_once_with_partial_credits_charged(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent.Fallback = _ => Task.FromResult<AgentOutcome>(new AgentFailed("provider returned 503", Transient: true, 7, [], "test/model"));
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("try hard"));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(3, app.Agent.Requests.Count);
        Assert.Equal(21, run.CreditsUsed);
        Assert.Equal("provider returned 503 (after 3 attempts)", run.FailureReason);
        Assert.Equal(1, await db.Receipts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_same_delivery_twice_starts_one_run(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        _ = app.CreateClient();
        var invocation = Inputs.Task("hello", deliveryId: "Ev-duplicate");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.SendAsync(invocation)));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Runs.CountAsync());
        Assert.Single(app.Agent.Requests);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_approved_action_continues_the_run_with_the_decision(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent
            .Then(new AgentNeedsApproval(new PendingToolCall("call_1", "email:send", "{\"to\":\"customer@acme.com\"}", "Send email to customer@acme.com", 30),
                "[transcript]", 12, [], "test/model"))
            .Then(new AgentCompleted("Emailed customer@acme.com", "reply sent", "Sent.", 8, ["email:send"], "test/model"));
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("email the customer"));
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));
        var request = Assert.Single(app.Messenger.Views<ApprovalRequestView>());
        Assert.Equal("Send email to customer@acme.com", request.ActionText);
        Assert.Equal(30, request.EstimatedCredits);

        var result = await app.ClickAsync(Inputs.Click(ActionIds.Approve, approval.Id));

        var replaced = Assert.IsType<ApprovalRequestView>(result.ReplaceOriginal);
        Assert.Equal("Approved by @bob", replaced.HeaderText);
        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal((1, 1), (run.ApprovalsRequired, run.ApprovalsGranted));
        Assert.Equal(20, run.CreditsUsed);
        var resumed = app.Agent.Requests.Last();
        Assert.Equal("[transcript]", resumed.Transcript);
        Assert.Equal(new ApprovalDecision("call_1", true, "bob"), resumed.Decision);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_denied_action_ends_the_run_with_a_denial_receipt(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent.Then(new AgentNeedsApproval(new PendingToolCall("call_1", "email:send", "{}", "Send email to customer@acme.com", 30), "[t]", 0, [], "test/model"));
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Task("email the customer"));
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));

        await app.ClickAsync(Inputs.Click(ActionIds.Deny, approval.Id, by: Inputs.Bob with { Name = "aidan" }));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        Assert.Equal(RunStatus.Denied, (await db.Runs.SingleAsync()).Status);
        var posted = Assert.Single(app.Messenger.Views<ReceiptView>());
        Assert.Equal("✕ Denied: Send email to customer@acme.com", posted.Title);
        Assert.Equal("Cancelled by @aidan · 0 credits charged · view details ↗", posted.DetailsLine);
        Assert.Single(app.Agent.Requests);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_hundred_concurrent_approve_and_deny_clicks_produce_exactly_one_decision(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent.Then(new AgentNeedsApproval(new PendingToolCall("c", "email:send", "{}", "Send email", 5), "[t]", 0, [], null));
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Task("email"));
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));

        var clicks = Enumerable.Range(0, 100)
            .Select(i => app.ClickAsync(Inputs.Click(i % 2 == 0 ? ActionIds.Approve : ActionIds.Deny, approval.Id)))
            .ToList();
        var results = await Task.WhenAll(clicks);

        Assert.Equal(1, results.Count(r => r.Reply is null));
        await using var db = app.CreateDbContext();
        var decided = await db.Approvals.SingleAsync();
        Assert.NotEqual(ApprovalStatus.Pending, decided.Status);
        await app.WaitForAsync(d => d.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var after = app.CreateDbContext();
        Assert.Equal(1, await after.Receipts.CountAsync());
    }

    [Fact]
    public async Task Only_approvers_may_decide()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent.Then(new AgentNeedsApproval(new PendingToolCall("c", "email:send", "{}", "Send email", 5), "[t]", 0, [], null));
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Task("email"));
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));

        // Outside the playground nobody is an admin unless the platform says so or the workspace names them. Someone
        // never seen before is asked to try again while a job looks them up (here Slack is not connected: not an admin).
        var stranger = new ButtonAction("d1", approval.RequestAddress! with { Platform = Core.Chat.ChatPlatform.Slack }, Inputs.Bob, ActionIds.Approve, approval.Id, null);
        var first = await app.ClickAsync(stranger);
        Assert.Equal(ChatBot.Jobs.Messaging.UserDirectoryResolver.RoleNotKnownYet, ((TextView)first.Reply!).Text);
        await app.WaitUntilAsync(db => db.KnownUsers.AnyAsync(u => u.UserId == Inputs.Bob.Id && u.RefreshedAt != null && !u.IsAdmin));
        var result = await app.ClickAsync(stranger with { DeliveryId = "d2" });

        Assert.StartsWith("Only approvers can decide", ((TextView)result.Reply!).Text);
        Assert.Null(result.ReplaceOriginal);
        await using var db = app.CreateDbContext();
        Assert.Equal(ApprovalStatus.Pending, (await db.Approvals.SingleAsync()).Status);
    }

    [Fact]
    public async Task The_playground_user_approves_in_the_playground_workspace_only()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent.Then(new AgentNeedsApproval(new PendingToolCall("c", "email:send", "{}", "Send email", 5), "[t]", 0, [], null));
        _ = app.CreateClient();
        // A playground-shaped address naming another workspace: the playground's user is nobody's admin there.
        var elsewhere = Inputs.Channel with { WorkspaceId = "T0ELSEWHERE" };
        await app.SendAsync(Inputs.Task("email", at: elsewhere.InThread("t-elsewhere")));
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));

        var click = new ButtonAction("d1", approval.RequestAddress!, Inputs.Bob, ActionIds.Approve, approval.Id, null);
        var result = await app.ClickAsync(click);

        Assert.Equal("T0ELSEWHERE", approval.WorkspaceId);
        Assert.StartsWith("Only approvers can decide", ((TextView)result.Reply!).Text);
        await using var db = app.CreateDbContext();
        Assert.Equal(ApprovalStatus.Pending, (await db.Approvals.SingleAsync()).Status);
    }
}
