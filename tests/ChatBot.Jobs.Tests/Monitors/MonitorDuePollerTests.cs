using ChatBot.Core.Monitors;
using ChatBot.Jobs.Monitors;
using ChatBot.Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Tests.Monitors;

/// <summary>The monitors table as the one schedule of checks: due at once when new, then on the jittered grid.</summary>
public sealed class MonitorDuePollerTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 9, 17, 0, TimeSpan.Zero);

    private static async Task<Monitor> AddMonitorAsync(JobsHarness jobs, Cadence cadence)
    {
        var monitor = new Monitor("ws", "https://example.com/pricing", cadence, MonitorKind.Page, null, null, jobs.Time.GetUtcNow());
        await using var db = jobs.Open();
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync();
        return monitor;
    }

    private static async Task<Monitor> ReloadAsync(JobsHarness jobs, string id)
    {
        await using var db = jobs.Open();
        return await db.Monitors.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task A_new_monitor_is_checked_once_at_once_and_then_waits_for_its_grid()
    {
        await using var jobs = await JobsHarness.CreateAsync(Created);
        var monitor = await AddMonitorAsync(jobs, Cadence.Hourly);
        var poller = jobs.Create<MonitorDuePoller>();

        Assert.Equal(1, await poller.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(0, await poller.EnqueueDueAsync(CancellationToken.None));

        Assert.Equal([monitor.Id], jobs.Jobs.Subjects(nameof(MonitorCheckJob.ExecuteAsync)));
        Assert.Equal(CadenceRules.NextCheckAfter(monitor.Id, Cadence.Hourly, Created), (await ReloadAsync(jobs, monitor.Id)).NextCheckAt);
    }

    [Fact]
    public async Task The_poller_next_looks_when_the_next_monitor_is_due_not_a_whole_interval_later()
    {
        await using var jobs = await JobsHarness.CreateAsync(Created);
        var poller = jobs.Create<MonitorDuePoller>();
        var interval = TimeSpan.FromSeconds(1);
        Assert.Equal(interval, await poller.UntilNextDueAsync(interval, CancellationToken.None));

        var monitor = await AddMonitorAsync(jobs, Cadence.Hourly);
        await poller.EnqueueDueAsync(CancellationToken.None);
        var slot = (await ReloadAsync(jobs, monitor.Id)).NextCheckAt;

        jobs.Time.SetUtcNow(slot - TimeSpan.FromMinutes(5));
        Assert.Equal(interval, await poller.UntilNextDueAsync(interval, CancellationToken.None));
        jobs.Time.SetUtcNow(slot - TimeSpan.FromMilliseconds(300));
        Assert.Equal(TimeSpan.FromMilliseconds(300), await poller.UntilNextDueAsync(interval, CancellationToken.None));
        // Due already but not taken (another node's pass holds it): a short wait, not a spin.
        jobs.Time.SetUtcNow(slot + TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromMilliseconds(20), await poller.UntilNextDueAsync(interval, CancellationToken.None));
    }

    [Theory]
    [InlineData(Cadence.Hourly, 30)]
    [InlineData(Cadence.Daily, 10)]
    [InlineData(Cadence.Weekly, 3)]
    public async Task After_downtime_a_missed_monitor_is_checked_once_then_keeps_to_its_grid(Cadence cadence, int periodsDown)
    {
        await using var jobs = await JobsHarness.CreateAsync(Created);
        var monitor = await AddMonitorAsync(jobs, cadence);
        var poller = jobs.Create<MonitorDuePoller>();
        await poller.EnqueueDueAsync(CancellationToken.None);

        // The node was down for many periods: every slot since the first one was missed.
        jobs.Time.Advance(CadenceRules.Period(cadence) * periodsDown + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await poller.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(0, await poller.EnqueueDueAsync(CancellationToken.None));

        // Back on its grid: the first slot at least half a period after that check (never two checks close together).
        var next = (await ReloadAsync(jobs, monitor.Id)).NextCheckAt;
        Assert.Equal(CadenceRules.NextCheckAfter(monitor.Id, cadence, jobs.Time.GetUtcNow()), next);
        Assert.True(next - jobs.Time.GetUtcNow() > CadenceRules.Period(cadence) / 2);
        Assert.Equal(2, jobs.Jobs.Subjects(nameof(MonitorCheckJob.ExecuteAsync)).Count);
    }

    [Fact]
    public async Task A_paused_monitor_is_not_checked_and_resuming_puts_it_back_on_its_grid_not_at_once()
    {
        await using var jobs = await JobsHarness.CreateAsync(Created);
        var monitor = await AddMonitorAsync(jobs, Cadence.Daily);
        await using (var db = jobs.Open())
        {
            var stored = await db.Monitors.SingleAsync();
            stored.Pause(Created);
            await db.SaveChangesAsync();
        }
        var poller = jobs.Create<MonitorDuePoller>();
        jobs.Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(0, await poller.EnqueueDueAsync(CancellationToken.None));

        await using (var db = jobs.Open())
        {
            var stored = await db.Monitors.SingleAsync();
            stored.Resume(jobs.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }
        Assert.Equal(0, await poller.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(CadenceRules.NextFireAfter(monitor.Id, Cadence.Daily, jobs.Time.GetUtcNow()), (await ReloadAsync(jobs, monitor.Id)).NextCheckAt);
        Assert.Empty(jobs.Jobs.Subjects(nameof(MonitorCheckJob.ExecuteAsync)));
    }

    [Fact]
    public async Task A_full_batch_is_taken_in_order_and_the_rest_waits_for_the_next_pass()
    {
        await using var jobs = await JobsHarness.CreateAsync(Created, new Dictionary<string, string?> { ["Jobs:MonitorPollBatch"] = "2" });
        for (var i = 0; i < 3; i++) await AddMonitorAsync(jobs, Cadence.Daily);
        var poller = jobs.Create<MonitorDuePoller>();

        Assert.Equal(2, await poller.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(1, await poller.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(3, jobs.Jobs.Subjects(nameof(MonitorCheckJob.ExecuteAsync)).Distinct().Count());
    }
}
