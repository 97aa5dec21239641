using ChatBot.Server.Auth;

namespace ChatBot.Server.Tests.Api;

public sealed class TokenRateLimiterTests
{
    [Fact]
    public void A_token_gets_a_burst_of_a_hundred_and_no_second_burst_after_it()
    {
        // A fixed per-minute window once let 185 requests through in four seconds around a clock-minute boundary.
        using var limiter = new TokenRateLimiter();
        var granted = Enumerable.Range(0, 2 * TokenRateLimiter.RequestsPerMinute).Count(_ => limiter.TryAcquire("tok_a") is null);

        // One request comes back each 0.6 s, so a stalled machine may earn a few more than the burst, never a second burst.
        Assert.InRange(granted, TokenRateLimiter.RequestsPerMinute, TokenRateLimiter.RequestsPerMinute + 10);
        var refused = limiter.TryAcquire("tok_a");
        if (refused is { } retryAfter) Assert.InRange(retryAfter, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Null(limiter.TryAcquire("tok_b"));
    }
}
