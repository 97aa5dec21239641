using System.Threading.RateLimiting;

namespace ChatBot.Server.Auth;

/// <summary>
/// A .NET token bucket per key (<see cref="PartitionedRateLimiter"/>: one shared replenishing timer, idle buckets
/// dropped): <c>burst</c> at once, then one more each <c>refillEvery</c>. Counted per node.
/// </summary>
public sealed class KeyedTokenBuckets(int burst, TimeSpan refillEvery) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = refillEvery,
            QueueLimit = 0,
        }));

    /// <summary>Takes one token; null when granted, else how long until one is back.</summary>
    public TimeSpan? TryTake(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : refillEvery;
    }

    /// <summary>Whether the key's bucket is empty (nothing taken); then roughly how long until it holds a token.</summary>
    public TimeSpan? Empty(string key) => _limiter.GetStatistics(key)?.CurrentAvailablePermits > 0 ? null : refillEvery;

    public void Dispose() => _limiter.Dispose();
}
