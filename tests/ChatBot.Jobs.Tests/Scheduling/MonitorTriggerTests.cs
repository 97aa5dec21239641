using Microsoft.Extensions.Logging.Abstractions;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Scheduling;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Quartz;
using Quartz.Extensibility;

namespace ChatBot.Jobs.Tests.Scheduling;

/// <summary>The monitor trigger's schedule and misfire policy, on an injected clock.</summary>
public sealed class MonitorTriggerTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 9, 17, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Created);

    private WorkScheduler Scheduler => new(Mock.Of<ISchedulerFactory>(), new TriggerBatcher(Mock.Of<ISchedulerFactory>(), NullLogger<TriggerBatcher>.Instance), Options.Create(new JobsOptions()), _time);

    private static Monitor NewMonitor(Cadence cadence) => new("ws", "https://example.com/pricing", cadence, MonitorKind.Page, null, null, Created);

    [Fact]
    public void First_fire_is_on_the_monitors_jittered_grid_and_then_every_period()
    {
        var monitor = NewMonitor(Cadence.Hourly);
        var trigger = (IOperableTrigger)Scheduler.MonitorTrigger(monitor, Created);

        var first = trigger.ComputeFirstFireTimeUtc(null);

        Assert.Equal(CadenceRules.NextFireAfter(monitor.Id, Cadence.Hourly, Created), first);
        Assert.Equal(first!.Value.AddHours(1), trigger.GetFireTimeAfter(first));
    }

    [Theory]
    [InlineData(Cadence.Hourly, 30)]
    [InlineData(Cadence.Daily, 10)]
    [InlineData(Cadence.Weekly, 3)]
    public void After_downtime_a_missed_monitor_fires_once_then_keeps_to_its_grid(Cadence cadence, int periodsDown)
    {
        var monitor = NewMonitor(cadence);
        var trigger = (IOperableTrigger)Scheduler.MonitorTrigger(monitor, Created);
        var first = trigger.ComputeFirstFireTimeUtc(null)!.Value;

        // The node was down for many periods: every slot since the first one was missed.
        _time.SetUtcNow(first + CadenceRules.Period(cadence) * periodsDown + TimeSpan.FromMinutes(1));
        trigger.UpdateAfterMisfire(null);

        var catchUp = trigger.NextFireTimeUtc!.Value;
        Assert.InRange(catchUp, _time.GetUtcNow() - TimeSpan.FromSeconds(1), _time.GetUtcNow() + TimeSpan.FromSeconds(1));
        trigger.Triggered(null);
        var next = trigger.NextFireTimeUtc!.Value;
        // One catch-up fire, then the next slot is in the future: the missed ones are not replayed.
        Assert.True(next > _time.GetUtcNow());
        Assert.True(next - _time.GetUtcNow() <= CadenceRules.Period(cadence));
    }

    [Fact]
    public void Work_due_now_ignores_misfires_so_an_overdue_backlog_stays_in_the_normal_queue_while_the_grid_keeps_fire_once()
    {
        var monitor = NewMonitor(Cadence.Hourly);
        var run = new ChatBot.Core.Runs.Run("ws", ChatBot.Core.Runs.RunSource.Api, "summarize", null, null, Created);

        var triggers = Scheduler.MonitorTriggers(monitor, firstCheck: true);

        // Quartz's store acquires a trigger more than its misfire threshold overdue only when its stored misfire code
        // is -1 (ignore misfires); any other policy leaves it to the misfire handler, a few per pass.
        const int ignoreMisfires = -1;
        Assert.Equal(ignoreMisfires, Scheduler.RunTrigger(run).MisfireInstructionCode);
        Assert.Equal(ignoreMisfires, triggers.Single(t => t.Key.Equals(JobKeys.MonitorFirstCheckTrigger(monitor.Id))).MisfireInstructionCode);
        var standing = (ICalendarIntervalTrigger)triggers.Single(t => t.Key.Equals(JobKeys.MonitorTrigger(monitor.Id)));
        Assert.Equal(CalendarIntervalTriggerMisfireInstruction.FireAndProceed, standing.MisfireInstruction);
    }
}
