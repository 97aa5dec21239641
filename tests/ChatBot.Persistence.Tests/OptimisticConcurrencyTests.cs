using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Persistence.Tests;

/// <summary>Two nodes (two contexts) moving the same entity: the first commit wins, the second is refused.</summary>
public sealed class OptimisticConcurrencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 26, 15, 42, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Two_nodes_claiming_the_same_run_cannot_both_succeed(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        string runId;
        await using (var db = store.Open())
        {
            var run = new Run("ws_001", RunSource.Api, "do it", null, null, Now);
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            runId = run.Id;
        }

        await using var nodeA = store.Open();
        await using var nodeB = store.Open();
        var seenByA = await nodeA.Runs.SingleAsync(r => r.Id == runId);
        var seenByB = await nodeB.Runs.SingleAsync(r => r.Id == runId);
        seenByA.Start(Now);
        seenByB.Start(Now);

        await nodeA.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => nodeB.SaveChangesAsync());
        await using var check = store.Open();
        var stored = await check.Runs.SingleAsync(r => r.Id == runId);
        Assert.Equal((RunStatus.Running, 1, 1), (stored.Status, stored.Attempt, stored.Version));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Approve_and_deny_from_two_nodes_leave_exactly_one_decision(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        string approvalId;
        await using (var db = store.Open())
        {
            var approval = new Approval("run_x", "ws_001", "Send email", "email:send", "{}", new ChatUser("U1"), 5, Now, TimeSpan.FromHours(24));
            db.Approvals.Add(approval);
            await db.SaveChangesAsync();
            approvalId = approval.Id;
        }

        await using var nodeA = store.Open();
        await using var nodeB = store.Open();
        (await nodeA.Approvals.SingleAsync(a => a.Id == approvalId)).Approve(new ChatUser("U_A", "ann"), Now);
        (await nodeB.Approvals.SingleAsync(a => a.Id == approvalId)).Deny(new ChatUser("U_B", "ben"), Now);

        await nodeB.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => nodeA.SaveChangesAsync());
        await using var check = store.Open();
        var stored = await check.Approvals.SingleAsync(a => a.Id == approvalId);
        Assert.Equal(ApprovalStatus.Denied, stored.Status);
        Assert.Equal("ben", stored.DecidedBy!.Name);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Value_objects_round_trip_and_in_place_changes_are_saved(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        var address = new ChatAddress(ChatPlatform.Teams, "tenant-1", "19:abc@thread.tacv2", "1700000000", "https://smba.example/teams/");
        await using (var db = store.Open())
        {
            var workspace = new Workspace("ws_001", "Acme", Now);
            workspace.ApproverIds.Add("U_APPROVER");
            db.Workspaces.Add(workspace);
            var run = new Run("ws_001", RunSource.Teams, "hi", address, new ChatUser("29:1", "Ann"), Now);
            run.Charge(3, ["web:fetch", "slack:history"]);
            run.Metadata["trigger_id"] = "evt_abc123";
            db.Runs.Add(run);
            await db.SaveChangesAsync();
        }
        await using (var db = store.Open())
        {
            var workspace = await db.Workspaces.SingleAsync();
            workspace.Receipts.IncludeCredits = false;
            workspace.Receipts.DefaultChannel = address.WithoutThread();
            await db.SaveChangesAsync();
        }

        await using var check = store.Open();
        var stored = await check.Runs.SingleAsync();
        Assert.Equal(address, stored.Address);
        Assert.Equal(["web:fetch", "slack:history"], stored.ToolsUsed);
        Assert.Equal("evt_abc123", stored.Metadata["trigger_id"]);
        var settings = (await check.Workspaces.SingleAsync()).Receipts;
        Assert.False(settings.IncludeCredits);
        Assert.Equal(address.WithoutThread(), settings.DefaultChannel);
        Assert.Equal(["U_APPROVER"], (await check.Workspaces.SingleAsync()).ApproverIds);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_run_can_have_only_one_receipt(string provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = store.Open();
        db.Receipts.Add(new Core.Receipts.Receipt("run_1", "ws", Core.Receipts.ReceiptKind.Success, null, "{}", Now));
        await db.SaveChangesAsync();
        db.Receipts.Add(new Core.Receipts.Receipt("run_1", "ws", Core.Receipts.ReceiptKind.Failure, null, "{}", Now));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}
