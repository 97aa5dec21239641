using ChatBot.Server.Auth;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Server.Tests.Api;

public sealed class TokenRateLimiterTests
{
    private static readonly TimeSpan OneRequest = TimeSpan.FromMinutes(1) / TokenRateLimiter.RequestsPerMinute;

    [Fact]
    public void Hundred_at_once_per_token_then_one_more_each_hundredth_of_a_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 15, TimeSpan.Zero));
        var limiter = new TokenRateLimiter(time);

        for (var i = 0; i < TokenRateLimiter.RequestsPerMinute; i++) Assert.Null(limiter.TryAcquire("tok_a"));
        Assert.Equal(OneRequest, limiter.TryAcquire("tok_a"));
        Assert.Null(limiter.TryAcquire("tok_b"));

        time.Advance(OneRequest);
        Assert.Null(limiter.TryAcquire("tok_a"));
        Assert.NotNull(limiter.TryAcquire("tok_a"));
    }

    [Fact]
    public void A_clock_minute_boundary_lets_no_second_burst_through()
    {
        // Four seconds around 12:00:00 once let 185 requests pass under a fixed per-minute window.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 11, 59, 58, TimeSpan.Zero));
        var limiter = new TokenRateLimiter(time);
        var granted = 0;
        for (var step = 0; step < 40; step++)
        {
            for (var i = 0; i < 20; i++) if (limiter.TryAcquire("tok_a") is null) granted++;
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(TokenRateLimiter.RequestsPerMinute + 6, granted);
    }
}
