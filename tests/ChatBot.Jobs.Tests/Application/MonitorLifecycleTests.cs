using ChatBot.Core.Chat;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Monitors;
using ChatBot.Jobs.Messaging;
using ChatBot.Jobs.Monitors;
using ChatBot.Jobs.Tests.Infrastructure;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Tests.Application;

/// <summary>The monitor life-cycle every adapter calls, and its one answer to a lost race.</summary>
public sealed class MonitorLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChatAddress Thread = new(ChatPlatform.Slack, "T1", "C1", "1700000000.000100");
    private static readonly ChatUser Alice = new("U1", "alice");

    private static async Task<Monitor> AddMonitorAsync(JobsHarness jobs)
    {
        var monitor = new Monitor("T1", "https://example.com/pricing", Cadence.Daily, MonitorKind.Page, Thread.WithoutThread(), Alice, Now);
        monitor.AttachThread(Thread.ThreadId!, Now);
        await using var db = jobs.Open();
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync();
        return monitor;
    }

    private static async Task<Monitor> StoredAsync(JobsHarness jobs, string id)
    {
        await using var db = jobs.Open();
        return await db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static async Task<Outcome<Monitor>> ChangeAsync(JobsHarness jobs, ChatBotDbContext db, string id, MonitorChange change)
    {
        var monitors = jobs.Create<MonitorLifecycle>(db);
        return await monitors.ChangeAsync(await monitors.FindAsync(id, "T1", CancellationToken.None), change, CancellationToken.None);
    }

    [Fact]
    public async Task Pause_resume_and_cancel_move_the_monitor_and_a_repeat_or_a_refused_move_says_so_without_saving()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var monitor = await AddMonitorAsync(jobs);
        await using var db = jobs.Open();

        Assert.Equal(OutcomeKind.Changed, (await ChangeAsync(jobs, db, monitor.Id, MonitorChange.Pause)).Kind);
        var again = await ChangeAsync(jobs, db, monitor.Id, MonitorChange.Pause);
        Assert.Equal(OutcomeKind.AlreadyInState, again.Kind);
        Assert.Equal("The monitor is already paused.", again.Reason);
        Assert.Equal(OutcomeKind.Changed, (await ChangeAsync(jobs, db, monitor.Id, MonitorChange.Resume)).Kind);
        Assert.Equal(OutcomeKind.Changed, (await ChangeAsync(jobs, db, monitor.Id, MonitorChange.Cancel)).Kind);
        Assert.Equal(OutcomeKind.InvalidTransition, (await ChangeAsync(jobs, db, monitor.Id, MonitorChange.Resume)).Kind);
        Assert.Equal(OutcomeKind.AlreadyInState, (await ChangeAsync(jobs, db, monitor.Id, MonitorChange.Cancel)).Kind);
        Assert.Equal(OutcomeKind.NotFound, (await ChangeAsync(jobs, db, "mon_nope", MonitorChange.Cancel)).Kind);

        Assert.Equal(MonitorStatus.Canceled, (await StoredAsync(jobs, monitor.Id)).Status);
        Assert.False(db.ChangeTracker.HasChanges());
    }

    [Fact]
    public async Task A_check_that_saves_the_monitor_first_does_not_beat_a_persons_cancel()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var monitor = await AddMonitorAsync(jobs);
        var checkedAt = Now.AddMinutes(1);
        await using var db = jobs.OpenLosingTo(async other => (await other.Monitors.SingleAsync()).RecordSuccess(checkedAt));
        var monitors = jobs.Create<MonitorLifecycle>(db);

        var outcome = await monitors.CancelAsync(await monitors.FindByThreadAsync(Thread, CancellationToken.None), new CancelNotice(Alice, Thread), CancellationToken.None);

        Assert.Equal(OutcomeKind.Changed, outcome.Kind);
        var stored = await StoredAsync(jobs, monitor.Id);
        Assert.Equal(MonitorStatus.Canceled, stored.Status);
        Assert.Equal(checkedAt, stored.LastRunAt);
        await using var read = jobs.Open();
        var confirmation = Assert.Single(await read.OutboundMessages.ToListAsync());
        Assert.Equal(Thread, confirmation.To);
        Assert.Equal([confirmation.Id], jobs.Jobs.Subjects(nameof(MessageDeliveryJob.ExecuteAsync)));
    }

    [Fact]
    public async Task A_cancel_that_loses_to_another_cancel_answers_already_canceled_and_tells_the_thread_nothing()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var monitor = await AddMonitorAsync(jobs);
        await using var db = jobs.OpenLosingTo(async other => (await other.Monitors.SingleAsync()).Cancel(Now));
        var monitors = jobs.Create<MonitorLifecycle>(db);

        var outcome = await monitors.CancelAsync(await monitors.FindByThreadAsync(Thread, CancellationToken.None), new CancelNotice(Alice, Thread), CancellationToken.None);

        Assert.Equal(OutcomeKind.AlreadyInState, outcome.Kind);
        Assert.Equal("The monitor is already canceled.", outcome.Reason);
        Assert.False(db.ChangeTracker.HasChanges());
        await using var read = jobs.Open();
        Assert.Empty(await read.OutboundMessages.ToListAsync());
        Assert.Empty(jobs.Jobs.Subjects(nameof(MessageDeliveryJob.ExecuteAsync)));
    }

    [Fact]
    public async Task A_cadence_change_that_loses_to_a_cancel_is_refused_and_changes_nothing()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var monitor = await AddMonitorAsync(jobs);
        await using var db = jobs.OpenLosingTo(async other => (await other.Monitors.SingleAsync()).Cancel(Now));
        var monitors = jobs.Create<MonitorLifecycle>(db);

        var outcome = await monitors.UpdateAsync(await monitors.FindAsync(monitor.Id, "T1", CancellationToken.None),
            new MonitorSettings(Cadence.Hourly, SetMetadata: true, Metadata: new() { ["team"] = "growth" }), CancellationToken.None);

        Assert.Equal(OutcomeKind.InvalidTransition, outcome.Kind);
        var stored = await StoredAsync(jobs, monitor.Id);
        Assert.Equal((MonitorStatus.Canceled, Cadence.Daily), (stored.Status, stored.Cadence));
        Assert.Null(stored.Metadata);
    }

    [Fact]
    public async Task A_delete_that_races_a_check_is_reapplied_and_a_deleted_monitor_is_not_found_again()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var monitor = await AddMonitorAsync(jobs);
        await using (var db = jobs.OpenLosingTo(async other => (await other.Monitors.SingleAsync()).RecordFailure(Now)))
        {
            Assert.Equal(OutcomeKind.Changed, (await ChangeAsync(jobs, db, monitor.Id, MonitorChange.Delete)).Kind);
        }
        var stored = await StoredAsync(jobs, monitor.Id);
        Assert.True(stored.IsDeleted);
        Assert.Equal(1, stored.ConsecutiveFailures);
        await using var again = jobs.Open();
        Assert.Equal(OutcomeKind.NotFound, (await ChangeAsync(jobs, again, monitor.Id, MonitorChange.Delete)).Kind);
    }

    [Fact]
    public async Task Run_now_checks_an_active_monitor_and_refuses_a_paused_one()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var monitor = await AddMonitorAsync(jobs);
        await using var db = jobs.Open();
        var monitors = jobs.Create<MonitorLifecycle>(db);

        Assert.Equal(OutcomeKind.Changed, monitors.RunNow(await monitors.FindAsync(monitor.Id, null, CancellationToken.None)).Kind);
        await ChangeAsync(jobs, db, monitor.Id, MonitorChange.Pause);
        var refused = monitors.RunNow(await monitors.FindAsync(monitor.Id, null, CancellationToken.None));

        Assert.Equal(OutcomeKind.InvalidTransition, refused.Kind);
        Assert.Equal([monitor.Id], jobs.Jobs.Subjects(nameof(MonitorCheckJob.ExecuteAsync)));
    }
}
