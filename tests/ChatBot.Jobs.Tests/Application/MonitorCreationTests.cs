using ChatBot.Core.Chat;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Monitors;
using ChatBot.Jobs.Tests.Infrastructure;
using ChatBot.Testing.Fakes;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Tests.Application;

/// <summary>Creating a monitor as chat commands and the Monitor API do.</summary>
public sealed class MonitorCreationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly ChatAddress Thread = new(ChatPlatform.Teams, "tenant", "19:general", "root-1");

    [Fact]
    public async Task A_monitor_is_stored_due_at_once_in_its_channel_and_a_person_asking_again_gets_the_same_one()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        await using var db = jobs.Open();
        var creation = jobs.Create<MonitorCreation>(db, new ScriptedMonitorChecker());
        var request = new NewMonitor("tenant", "https://example.com/pricing", Cadence.Weekly, Thread, new ChatUser("U1", "alice"), ReuseWatchedQuery: true);

        var created = await creation.CreateAsync(request, CancellationToken.None);
        var again = await creation.CreateAsync(request with { Cadence = Cadence.Hourly }, CancellationToken.None);
        var fromApi = await creation.CreateAsync(request with { ReuseWatchedQuery = false, Owner = null }, CancellationToken.None);

        Assert.Equal(OutcomeKind.Changed, created.Kind);
        Assert.Equal((Thread.WithoutThread(), Now, MonitorKind.Page), (created.Subject!.Address, created.Subject.NextCheckAt, created.Subject.Kind));
        Assert.Equal(OutcomeKind.AlreadyInState, again.Kind);
        Assert.Equal((created.Subject.Id, Cadence.Weekly), (again.Subject!.Id, again.Subject.Cadence));
        Assert.Equal(OutcomeKind.Changed, fromApi.Kind);
        Assert.Equal(2, await db.Monitors.CountAsync());
    }

    [Fact]
    public async Task A_query_the_checker_cannot_watch_is_refused_with_its_reason_and_nothing_is_stored()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        await using var db = jobs.Open();
        var creation = jobs.Create<MonitorCreation>(db, new ScriptedMonitorChecker { TopicRefusal = "Topic monitors need a search provider." });

        var outcome = await creation.CreateAsync(new NewMonitor("tenant", "AI funding news", Cadence.Daily, Thread, null), CancellationToken.None);

        Assert.Equal((OutcomeKind.NotAllowed, "Topic monitors need a search provider."), (outcome.Kind, outcome.Reason));
        Assert.Equal(0, await db.Monitors.CountAsync());
    }
}
