using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace ChatBot.Server.Auth;

/// <summary>
/// One .NET token bucket (<see cref="TokenBucketRateLimiter"/>) per key, refilled from the injected clock instead of
/// the limiter's own timer, so tests can move time and no timer runs per key. Counted per node.
/// </summary>
public sealed class ClockedTokenBuckets(TimeProvider time, int burst, TimeSpan refillEvery)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    /// <summary>Takes one token; null when granted, else how long until the next token.</summary>
    public TimeSpan? TryTake(string key)
    {
        var bucket = Refilled(key);
        using var lease = bucket.Limiter.AttemptAcquire();
        return lease.IsAcquired ? null : UntilNextToken(bucket);
    }

    /// <summary>Whether the key's bucket is empty, without taking anything; how long until it holds a token again.</summary>
    public TimeSpan? Empty(string key)
    {
        if (!_buckets.ContainsKey(key)) return null;
        var bucket = Refilled(key);
        return bucket.Limiter.GetStatistics()?.CurrentAvailablePermits > 0 ? null : UntilNextToken(bucket);
    }

    private Bucket Refilled(string key)
    {
        var now = time.GetTimestamp();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = refillEvery,
            AutoReplenishment = false,
            QueueLimit = 0,
        }), now));
        lock (bucket)
        {
            var periods = (long)(time.GetElapsedTime(bucket.RefilledAt, now) / refillEvery);
            if (periods > 0)
            {
                for (var i = 0; i < Math.Min(periods, burst); i++) bucket.Limiter.TryReplenish();
                bucket.RefilledAt += (long)(periods * refillEvery.TotalSeconds * time.TimestampFrequency);
            }
        }
        return bucket;
    }

    private TimeSpan UntilNextToken(Bucket bucket) => refillEvery - time.GetElapsedTime(bucket.RefilledAt);

    private sealed class Bucket(TokenBucketRateLimiter limiter, long refilledAt)
    {
        public TokenBucketRateLimiter Limiter { get; } = limiter;
        public long RefilledAt { get; set; } = refilledAt;
    }
}
