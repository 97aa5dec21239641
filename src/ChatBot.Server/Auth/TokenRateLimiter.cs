using System.Collections.Concurrent;

namespace ChatBot.Server.Auth;

/// <summary>
/// A fixed one-minute window per token on the injected clock (so tests can move time). Counted per node:
/// with N nodes behind a balancer a token gets at most N × the limit, which the limit's purpose tolerates.
/// </summary>
public sealed class TokenRateLimiter(TimeProvider time)
{
    public const int RequestsPerMinute = 100;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, WindowCount> _counts = new();

    /// <returns>Null when allowed; otherwise how long until the window reopens.</returns>
    public TimeSpan? TryAcquire(string tokenId)
    {
        var now = time.GetUtcNow();
        var windowStart = new DateTimeOffset(now.UtcTicks - now.UtcTicks % Window.Ticks, TimeSpan.Zero);
        var count = _counts.AddOrUpdate(tokenId,
            _ => new WindowCount(windowStart, 1),
            (_, current) => current.Start == windowStart ? current with { Count = current.Count + 1 } : new WindowCount(windowStart, 1));
        return count.Count <= RequestsPerMinute ? null : windowStart + Window - now;
    }

    private sealed record WindowCount(DateTimeOffset Start, int Count);
}
