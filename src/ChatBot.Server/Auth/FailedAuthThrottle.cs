namespace ChatBot.Server.Auth;

/// <summary>
/// Slows guessing of token secrets and ops passwords: each client address may fail authentication
/// <see cref="Burst"/> times, then once more every few seconds; past that it is refused before any check runs.
/// </summary>
public sealed class FailedAuthThrottle : IDisposable
{
    public const int Burst = 20;
    public static readonly TimeSpan RefillEvery = TimeSpan.FromSeconds(3);
    private readonly KeyedTokenBuckets _buckets = new(Burst, RefillEvery);

    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? Blocked(HttpContext http) => _buckets.Empty(KeyOf(http));

    public void RecordFailure(HttpContext http) => _buckets.TryTake(KeyOf(http));

    public void Dispose() => _buckets.Dispose();

    private static string KeyOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";
}
