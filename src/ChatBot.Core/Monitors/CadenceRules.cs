using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChatBot.Core.Monitors;

/// <summary>
/// Cadence arithmetic. Monitors are spread across their period with a jitter that is stable per monitor,
/// so a restart or a reschedule keeps the same slot and a hundred monitors don't all fire at :00.
/// </summary>
public static class CadenceRules
{
    public static TimeSpan Period(Cadence cadence) => cadence switch
    {
        Cadence.Hourly => TimeSpan.FromHours(1),
        Cadence.Daily => TimeSpan.FromDays(1),
        Cadence.Weekly => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(cadence)),
    };

    /// <summary>An offset in [0, period) derived from the monitor id alone.</summary>
    public static TimeSpan StableJitter(string monitorId, Cadence cadence)
    {
        var hash = BinaryPrimitives.ReadUInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(monitorId)));
        var periodSeconds = (ulong)Period(cadence).TotalSeconds;
        return TimeSpan.FromSeconds(hash % periodSeconds);
    }

    /// <summary>The first scheduled fire strictly after <paramref name="after"/> on the monitor's jittered grid.</summary>
    public static DateTimeOffset NextFireAfter(string monitorId, Cadence cadence, DateTimeOffset after)
    {
        var period = Period(cadence);
        var origin = DateTimeOffset.UnixEpoch + StableJitter(monitorId, cadence);
        var elapsed = after - origin;
        var periods = (long)Math.Floor(elapsed / period) + 1;
        return origin + period * periods;
    }

    /// <summary>
    /// When a monitor checked at <paramref name="checkedAt"/> is due next: its next grid slot at least half a period
    /// later. A new monitor is checked at once, off its grid; without the gap a slot that happened to fall a few
    /// seconds after that first check would check it again at once (and a slow pass that read the clock before the
    /// slot would leave it due right after). A regular check on its slot is due a full period later either way.
    /// </summary>
    public static DateTimeOffset NextCheckAfter(string monitorId, Cadence cadence, DateTimeOffset checkedAt) =>
        NextFireAfter(monitorId, cadence, checkedAt + Period(cadence) / 2);

    public static string Describe(Cadence cadence) => cadence.ToString().ToLowerInvariant();
}
