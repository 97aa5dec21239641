using ChatBot.Core.Common;
using ChatBot.Core.Monitors;
using FsCheck.Xunit;

namespace ChatBot.Core.Tests.Monitors;

public sealed class CadenceRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Jitter_is_stable_per_monitor()
    {
        var id = Ids.NewMonitorId();
        Assert.Equal(CadenceRules.StableJitter(id, Cadence.Daily), CadenceRules.StableJitter(id, Cadence.Daily));
    }

    [Fact]
    public void Monitors_do_not_all_fire_on_the_hour()
    {
        var minutes = Enumerable.Range(0, 100)
            .Select(_ => CadenceRules.NextFireAfter(Ids.NewMonitorId(), Cadence.Hourly, Now).Minute)
            .Distinct()
            .Count();
        Assert.True(minutes > 20, $"only {minutes} distinct minutes across 100 monitors");
    }

    [Property(MaxTest = 200)]
    public bool Next_fire_is_strictly_later_and_within_one_period(int seed, byte cadenceIndex, int offsetMinutes)
    {
        var cadence = (Cadence)(cadenceIndex % 3);
        var id = "monitor_" + seed.ToString("x8");
        var after = Now.AddMinutes(offsetMinutes % 100_000);
        var next = CadenceRules.NextFireAfter(id, cadence, after);
        return next > after && next - after <= CadenceRules.Period(cadence);
    }

    [Fact]
    public void Consecutive_fires_are_one_period_apart()
    {
        var id = Ids.NewMonitorId();
        var first = CadenceRules.NextFireAfter(id, Cadence.Weekly, Now);
        Assert.Equal(first.AddDays(7), CadenceRules.NextFireAfter(id, Cadence.Weekly, first));
    }

    [Fact]
    public void A_check_just_before_the_monitors_slot_is_not_repeated_at_that_slot()
    {
        var id = Ids.NewMonitorId();
        var slot = CadenceRules.NextFireAfter(id, Cadence.Daily, Now);

        Assert.Equal(slot.AddDays(1), CadenceRules.NextCheckAfter(id, Cadence.Daily, slot.AddSeconds(-4)));
    }

    [Fact]
    public void A_check_on_the_monitors_slot_is_due_one_period_later()
    {
        var id = Ids.NewMonitorId();
        var slot = CadenceRules.NextFireAfter(id, Cadence.Hourly, Now);

        Assert.Equal(slot.AddHours(1), CadenceRules.NextCheckAfter(id, Cadence.Hourly, slot.AddSeconds(2)));
    }

    [Property(MaxTest = 200)]
    public bool The_next_check_is_on_the_grid_between_half_a_period_and_one_and_a_half_periods_later(int seed, byte cadenceIndex, int offsetMinutes)
    {
        var cadence = (Cadence)(cadenceIndex % 3);
        var id = "monitor_" + seed.ToString("x8");
        var checkedAt = Now.AddMinutes(offsetMinutes % 100_000);
        var next = CadenceRules.NextCheckAfter(id, cadence, checkedAt);
        var period = CadenceRules.Period(cadence);
        return next - checkedAt > period / 2 && next - checkedAt <= period * 1.5
            && next == CadenceRules.NextFireAfter(id, cadence, next - period);
    }
}
