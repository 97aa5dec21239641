using ChatBot.Core.Agents;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Runs;

/// <summary>
/// A run left "running" with no job behind it (its job died as the database went away while it saved the
/// outcome) is picked up by the recovery sweep: requeued while attempts remain, failed with a receipt after.
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
}
