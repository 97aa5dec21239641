namespace ChatBot.Server.Auth;

/// <summary>
/// Requests per workspace token: a token bucket of <see cref="RequestsPerMinute"/> refilled one request at a time
/// over the minute, so no clock-minute boundary lets a double burst through. Counted per node: with N nodes behind a
/// balancer a token gets at most N × the limit, which the limit's purpose tolerates.
/// </summary>
public sealed class TokenRateLimiter : IDisposable
{
    public const int RequestsPerMinute = 100;
    private readonly KeyedTokenBuckets _buckets = new(RequestsPerMinute, TimeSpan.FromMinutes(1) / RequestsPerMinute);

    /// <returns>Null when allowed; otherwise how long until the next request is.</returns>
    public TimeSpan? TryAcquire(string tokenId) => _buckets.TryTake(tokenId);

    public void Dispose() => _buckets.Dispose();
}
