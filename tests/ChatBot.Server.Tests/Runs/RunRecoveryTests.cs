using ChatBot.Core.Agents;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Scheduling;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Jobs.Receipts;
using Microsoft.Extensions.DependencyInjection;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Runs;

/// <summary>
/// A run left "running" with no job behind it (its job died as the database went away while it saved the
/// outcome) is picked up by the recovery sweep: requeued while attempts remain, failed with a receipt after. So is
/// committed work whose job was never stored (the SQLite job store is a file of its own): a receipt, a chat message;
/// and a new monitor, which the due-monitor poller finds in its table.
/// </summary>
public sealed class RunRecoveryTests
{
    private static async Task<string> AbandonedRunAsync(ChatBotAppFactory app, int attempts)
    {
        _ = app.CreateClient();
        var longAgo = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5);
        var run = new Run(Workspace.PlaygroundId, RunSource.Playground, "summarize the incident", Inputs.Channel, Inputs.Alice, longAgo);
        for (var i = 0; i < attempts; i++)
        {
            run.Start(longAgo);
            if (i < attempts - 1) run.Requeue(longAgo);
        }
        await using var db = app.CreateDbContext();
        if (!await db.Workspaces.AnyAsync(w => w.Id == Workspace.PlaygroundId)) db.Workspaces.Add(new Workspace(Workspace.PlaygroundId, "Playground", longAgo));
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    [Theory]
    [MemberData(nameof(RunWorkflowTests.Stores), MemberType = typeof(RunWorkflowTests))]
    public async Task A_running_run_whose_job_vanished_is_requeued_and_finishes_with_one_receipt(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent.Then(new AgentCompleted("Summarized the incident", "3 causes", "Done.", 2, [], "test/model"));

        var runId = await AbandonedRunAsync(app, attempts: 1);

        var finished = await app.WaitForAsync(db => db.Runs.SingleOrDefaultAsync(r => r.Id == runId && r.Status == RunStatus.Succeeded));
        Assert.Equal(2, finished.Attempt);
        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.RunId == runId && r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Receipts.CountAsync(r => r.RunId == runId));
    }

    [Fact]
    public async Task After_its_last_attempt_an_abandoned_run_fails_with_a_receipt_instead_of_looping()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);

        var runId = await AbandonedRunAsync(app, attempts: 3);

        var failed = await app.WaitForAsync(db => db.Runs.SingleOrDefaultAsync(r => r.Id == runId && r.Status == RunStatus.Failed));
        Assert.Contains("worker stopped", failed.FailureReason);
        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.RunId == runId));
        Assert.Empty(app.Agent.Requests);
    }

    [Theory]
    [MemberData(nameof(RunWorkflowTests.Stores), MemberType = typeof(RunWorkflowTests))]
    public async Task A_receipt_and_a_message_committed_without_their_triggers_are_still_delivered(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?> { ["Jobs:RecoveryGrace"] = "00:00:01" });
        _ = app.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var run = new Run(Workspace.PlaygroundId, RunSource.Playground, "check the status page", Inputs.Channel, Inputs.Alice, now);
        run.Start(now);
        run.Succeed("Checked the status page", "all green", "All green.", now);
        var workspace = new Workspace(Workspace.PlaygroundId, "Playground", now);
        var receipt = app.Services.GetRequiredService<ReceiptWriter>().Create(run, workspace);
        var message = new OutboundMessage(Inputs.Channel, new TextView("Monitor canceled."), now);
        await using (var db = app.CreateDbContext())
        {
            if (!await db.Workspaces.AnyAsync(w => w.Id == Workspace.PlaygroundId)) db.Workspaces.Add(workspace);
            db.Runs.Add(run);
            db.Receipts.Add(receipt);
            db.OutboundMessages.Add(message);
            await db.SaveChangesAsync();
        }
        // As if the node died right after this commit: no trigger was ever stored for either.

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Id == receipt.Id && r.Status == ReceiptDeliveryStatus.Delivered));
        await app.WaitForAsync(db => db.OutboundMessages.SingleOrDefaultAsync(m => m.Id == message.Id && m.SentAt != null));
        Assert.Single(app.Messenger.Views<TextView>(), v => v.Text == "Monitor canceled.");
    }

    [Theory]
    [MemberData(nameof(RunWorkflowTests.Stores), MemberType = typeof(RunWorkflowTests))]
    public async Task A_committed_monitor_gets_its_first_check_once_and_then_waits_for_its_grid(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        _ = app.CreateClient();
        var now = DateTimeOffset.UtcNow;
        var monitor = new Monitor(Workspace.PlaygroundId, "https://example.com/pricing", Cadence.Hourly, MonitorKind.Page, Inputs.Channel, Inputs.Alice, now);
        await using (var db = app.CreateDbContext())
        {
            if (!await db.Workspaces.AnyAsync(w => w.Id == Workspace.PlaygroundId)) db.Workspaces.Add(new Workspace(Workspace.PlaygroundId, "Playground", now));
            db.Monitors.Add(monitor);
            await db.SaveChangesAsync();
        }
        // Written straight to the table, as the request does: the due-monitor poller finds it, due at once.

        var checkedOnce = await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.Id == monitor.Id && m.LastRunAt != null && m.ThreadId != null));
        // Its next check is on its grid, half an hour to an hour and a half away: later polls leave it alone, so one
        // root message, one check.
        Assert.Equal(CadenceRules.NextFireAfter(monitor.Id, Cadence.Hourly, checkedOnce.NextCheckAt - TimeSpan.FromHours(1)), checkedOnce.NextCheckAt);
        Assert.True(checkedOnce.NextCheckAt > now + TimeSpan.FromMinutes(30) && checkedOnce.NextCheckAt <= DateTimeOffset.UtcNow + TimeSpan.FromHours(1.5));
        Assert.Single(app.Messenger.Views<MonitorRootView>());
        await using var after = app.CreateDbContext();
        Assert.Equal(1, await after.MonitorEvents.CountAsync(e => e.MonitorId == monitor.Id));
    }
}
