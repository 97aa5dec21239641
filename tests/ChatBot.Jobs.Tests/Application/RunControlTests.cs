using ChatBot.Core.Chat;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Runs;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Tests.Application;

/// <summary>An operator's cancel and retry of a run, and the cancel's answer when the run moved on meanwhile.</summary>
public sealed class RunControlTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChatAddress Channel = new(ChatPlatform.Slack, "T1", "C1");

    private static async Task<Run> AddRunAsync(JobsHarness jobs, Action<Run> moveTo)
    {
        await using var db = jobs.Open();
        db.Workspaces.Add(new Workspace("T1", "Acme", Now));
        var run = new Run("T1", RunSource.Slack, "sync the CRM", Channel, new ChatUser("U1", "alice"), Now);
        moveTo(run);
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        return run;
    }

    private static async Task<(Run Run, int Receipts)> StoredAsync(JobsHarness jobs, string runId)
    {
        await using var db = jobs.Open();
        return (await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId), await db.Receipts.CountAsync(r => r.RunId == runId));
    }

    [Fact]
    public async Task A_cancel_ends_the_run_with_a_receipt_and_a_second_cancel_says_it_already_is()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var run = await AddRunAsync(jobs, r => r.Start(Now));
        await using var db = jobs.Open();
        var runs = jobs.Create<RunControl>(db);

        Assert.Equal(OutcomeKind.Changed, (await runs.CancelAsync(run.Id, "ops", CancellationToken.None)).Kind);
        Assert.Equal(OutcomeKind.AlreadyInState, (await runs.CancelAsync(run.Id, "ops", CancellationToken.None)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await runs.CancelAsync("run_nope", "ops", CancellationToken.None)).Kind);

        var stored = await StoredAsync(jobs, run.Id);
        Assert.Equal((RunStatus.Canceled, "ops", 1), (stored.Run.Status, stored.Run.DecidedBy, stored.Receipts));
        Assert.Single(jobs.Jobs.Subjects(nameof(ReceiptDeliveryJob.ExecuteAsync)));
    }

    [Fact]
    public async Task A_run_that_saves_its_progress_first_is_still_canceled()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var run = await AddRunAsync(jobs, r => r.Start(Now));
        await using var db = jobs.OpenLosingTo(async other => (await other.Runs.SingleAsync()).AwaitApproval("Send email", Now));

        var outcome = await jobs.Create<RunControl>(db).CancelAsync(run.Id, "ops", CancellationToken.None);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        var stored = await StoredAsync(jobs, run.Id);
        Assert.Equal((RunStatus.Canceled, 1, 1), (stored.Run.Status, stored.Run.ApprovalsRequired, stored.Receipts));
    }

    [Fact]
    public async Task A_cancel_that_loses_to_the_run_finishing_says_how_it_ended_and_writes_no_receipt()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var run = await AddRunAsync(jobs, r => r.Start(Now));
        await using var db = jobs.OpenLosingTo(async other => (await other.Runs.SingleAsync()).Succeed("Synced", "12 contacts", "Done.", Now));

        var outcome = await jobs.Create<RunControl>(db).CancelAsync(run.Id, "ops", CancellationToken.None);

        Assert.Equal(OutcomeKind.InvalidTransition, outcome.Kind);
        Assert.Equal($"Run {run.Id} already ended (succeeded).", outcome.Reason);
        Assert.Equal((RunStatus.Succeeded, 0), (await StoredAsync(jobs, run.Id)) is var s ? (s.Run.Status, s.Receipts) : default);
        Assert.Empty(jobs.Jobs.Created);
    }

    [Fact]
    public async Task A_failed_run_is_retried_as_a_new_run_and_a_running_one_is_not()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var failed = await AddRunAsync(jobs, r => { r.Start(Now); r.Fail("Could not reach the CRM", Now); });
        await using var db = jobs.Open();
        var runs = jobs.Create<RunControl>(db);

        var retried = await runs.RetryAsync(failed.Id, CancellationToken.None);
        var refused = await runs.RetryAsync(retried.Subject!.Id, CancellationToken.None);

        Assert.Equal(OutcomeKind.Changed, retried.Kind);
        Assert.Equal(("sync the CRM", failed.Id), (retried.Subject.Request, retried.Subject.Metadata[RunControl.RetryOfKey]));
        Assert.Equal(OutcomeKind.InvalidTransition, refused.Kind);
        Assert.Equal([retried.Subject.Id], jobs.Jobs.Subjects(nameof(AgentRunJob.ExecuteAsync)));
    }
}
