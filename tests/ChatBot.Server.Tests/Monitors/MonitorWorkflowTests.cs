using ChatBot.Core.Commands;
using ChatBot.Core.Messaging;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ChatBot.Testing.Logging;
using Microsoft.Extensions.Logging;
using ChatBot.Testing.Hosting;
using Hangfire;
using Hangfire.States;

namespace ChatBot.Server.Tests.Monitors;

/// <summary>Monitors from the command to the thread: root message, updates in its thread, failure notices, cancel.</summary>
public sealed class MonitorWorkflowTests
{
    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_new_monitor_posts_its_root_then_threads_its_updates(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Checker.ThenDetect("Pricing page: Pro plan now $12/month", "https://example.com/pricing");
        _ = app.CreateClient();

        var reply = await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Daily, "https://example.com/pricing")));

        Assert.StartsWith("Monitoring https://example.com/pricing · daily", ((TextView)reply.Reply!).Text);
        var monitor = await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.ThreadId != null && m.LastRunAt != null));
        var root = Assert.Single(app.Messenger.Views<MonitorRootView>());
        Assert.Equal(MonitorKind.Page, root.Kind);
        await app.WaitForAsync(db => db.OutboundMessages.SingleOrDefaultAsync(m => m.SentAt != null && m.Purpose != OutboundPurpose.MonitorRoot));
        var update = app.Messenger.Messages.Single(m => m.View is MonitorUpdateView);
        Assert.Equal(monitor.ThreadId, update.To.ThreadId);
        Assert.Equal(["https://example.com/pricing"], ((MonitorUpdateView)update.View).SourceUrls);
        await using var db = app.CreateDbContext();
        var detected = await db.MonitorEvents.SingleAsync();
        Assert.Equal(MonitorEventType.Event, detected.Type);
        Assert.StartsWith("mevtgrp_", detected.EventGroupId);
        Assert.Equal("changed", monitor.CheckerState);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_check_that_finds_nothing_records_a_completion_and_stays_silent(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Checker.ThenNothing();
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Hourly, "https://example.com/feed.xml")));

        var completion = await app.WaitForAsync(db => db.MonitorEvents.SingleOrDefaultAsync());
        Assert.Equal(MonitorEventType.Completion, completion.Type);
        // The root message is an outbox row of its own, delivered after the check that wrote it.
        await app.WaitForAsync(db => db.OutboundMessages.SingleOrDefaultAsync(m => m.SentAt != null && m.Purpose == OutboundPurpose.MonitorRoot));
        Assert.Single(app.Messenger.Messages); // the root message only
        await using var db = app.CreateDbContext();
        Assert.Equal(MonitorKind.Feed, (await db.Monitors.SingleAsync()).Kind);
    }

    [Fact]
    public async Task Repeated_failures_notify_the_thread_and_the_owner_once_the_threshold_is_reached()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, new Dictionary<string, string?> { ["Jobs:MonitorFailureThreshold"] = "2" });
        app.Checker.ThenFail("503 from example.com").ThenFail("503 from example.com");
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Daily, "https://example.com")));
        var monitor = await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.ConsecutiveFailures == 1));

        app.Services.GetRequiredService<ChatBot.Jobs.Scheduling.WorkScheduler>().Schedule(s => s.MonitorCheck(monitor.Id));

        // The first check's failure was told at once; the threshold notice goes to the thread and the owner.
        await app.WaitUntilAsync(async db => await db.OutboundMessages.CountAsync(m => m.SentAt != null && m.Purpose != OutboundPurpose.MonitorRoot) == 3);
        var notices = app.Messenger.Messages.Where(m => m.View is TextView t && t.Text.Contains("failed 2 checks in a row")).ToList();
        Assert.Equal(["post", "direct"], notices.Select(n => n.Kind).Order().Reverse().ToArray());
        Assert.Equal(Inputs.Alice.Id, notices.Single(n => n.Kind == "direct").User!.Id);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.MonitorEvents.CountAsync(e => e.Type == MonitorEventType.Error));
    }

    [Fact]
    public async Task Monitor_on_a_query_the_channel_already_watches_answers_with_the_existing_one()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Weekly, "https://example.com/changelog")));

        var again = await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Daily, "https://example.com/changelog")));

        Assert.StartsWith("This channel already monitors https://example.com/changelog · weekly · active.", ((TextView)again.Reply!).Text);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Monitors.CountAsync());
    }

    [Fact]
    public async Task A_failing_first_check_is_told_in_the_thread_at_once_with_the_reason_and_what_to_do()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Checker.ThenFail("HTTP 404 from https://example.com/missing.html");
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Daily, "https://example.com/missing.html")));

        var notice = await app.WaitForAsync(db => db.OutboundMessages.SingleOrDefaultAsync(m => m.SentAt != null && m.Purpose != OutboundPurpose.MonitorRoot));
        var monitor = await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.ThreadId != null));
        Assert.Equal(monitor.ThreadId, notice.To.ThreadId);
        var text = ((TextView)notice.View).Text;
        Assert.StartsWith("⚠ The first check of this monitor failed: HTTP 404 from https://example.com/missing.html.", text);
        Assert.Contains("The page does not exist at that address", text);
        Assert.Null(notice.DirectTo);
    }

    [Fact]
    public async Task A_failed_check_logs_one_line_with_monitor_url_and_reason_and_only_a_bug_logs_its_stack_trace()
    {
        var logs = new RecordingLoggerProvider();
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs);
        app.Checker.ThenFail("could not connect to example.com").Then(_ => throw new NullReferenceException("a checker bug"));
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Daily, "https://example.com/down")));
        var monitor = await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.ConsecutiveFailures == 1));

        var failed = await logs.WaitForAsync(l => l.Category.EndsWith(".MonitorCheckJob") && l.Level >= LogLevel.Warning);
        Assert.Equal(LogLevel.Warning, failed.Level);
        Assert.Equal($"Monitor {monitor.Id} check of https://example.com/down failed: could not connect to example.com", failed.Message);
        Assert.Null(failed.Exception);

        app.Services.GetRequiredService<ChatBot.Jobs.Scheduling.WorkScheduler>().Schedule(s => s.MonitorCheck(monitor.Id));
        var bug = await logs.WaitForAsync(l => l.Category.EndsWith(".MonitorCheckJob") && l.Level == LogLevel.Error);
        Assert.IsType<NullReferenceException>(bug.Exception);
        Assert.Contains(monitor.Id, bug.Message);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Cancelmonitor_in_the_thread_stops_the_monitor_and_confirms_there(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Weekly, "https://example.com/changelog")));
        var monitor = await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.ThreadId != null));

        await app.SendAsync(Inputs.Command(new CancelMonitorCommand(), at: Inputs.Channel.InThread(monitor.ThreadId!)));

        var confirmation = await app.WaitForAsync(db => db.OutboundMessages.SingleOrDefaultAsync(m => m.SentAt != null && m.Purpose != OutboundPurpose.MonitorRoot));
        Assert.Equal(monitor.ThreadId, confirmation.To.ThreadId);
        Assert.Contains("Monitor canceled by @alice", ((TextView)confirmation.View).Text);
        await using var db = app.CreateDbContext();
        // The due-monitor poller takes active monitors only: a canceled one has no schedule left.
        Assert.Equal(MonitorStatus.Canceled, (await db.Monitors.SingleAsync()).Status);
    }

    [Fact]
    public async Task Monitors_lists_the_channels_monitors_and_a_topic_without_search_is_refused_with_a_reason()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Checker.TopicRefusal = "Topic monitors need a web search provider (Search__Provider) and a model (Agent__Provider).";
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Daily, "https://example.com/a")));
        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Hourly, "https://example.com/b")));

        var refused = await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Daily, "AI funding news")));
        var listed = await app.SendAsync(Inputs.Command(new ListMonitorsCommand()));

        Assert.Equal(app.Checker.TopicRefusal, ((TextView)refused.Reply!).Text);
        var list = Assert.IsType<MonitorListView>(listed.Reply);
        Assert.Equal(["https://example.com/b", "https://example.com/a"], list.Items.Select(i => i.Query));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_check_job_that_runs_again_does_not_check_again(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Checker.ThenDetect("Pricing page: Pro plan now $12/month", "https://example.com/pricing").ThenDetect("A repeat", "https://example.com/pricing");
        _ = app.CreateClient();
        await app.SendAsync(Inputs.Command(new CreateMonitorCommand(Cadence.Daily, "https://example.com/pricing")));
        await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.LastRunAt != null));
        var store = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        string? check = null;
        await Eventually.HoldsAsync(() => Task.FromResult((check = store.SucceededJobs(0, 50)
            .SingleOrDefault(j => j.Value.Job?.Type == typeof(ChatBot.Jobs.Monitors.MonitorCheckJob)).Key) is not null));

        // The job store runs a job at least once: the same job enqueued again (as after a node lost its claim on it).
        app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(check!);
        await Eventually.HoldsAsync(() => Task.FromResult(
            store.JobDetails(check).History.Count(h => h.StateName == SucceededState.StateName) == 2));

        Assert.Single(app.Checker.Requests);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.MonitorEvents.CountAsync());
    }
}
