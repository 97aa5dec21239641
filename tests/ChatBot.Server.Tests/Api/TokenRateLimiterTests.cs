using ChatBot.Server.Auth;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Server.Tests.Api;

public sealed class TokenRateLimiterTests
{
    [Fact]
    public void Hundred_per_minute_per_token_then_the_next_window_reopens()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 15, TimeSpan.Zero));
        var limiter = new TokenRateLimiter(time);

        for (var i = 0; i < TokenRateLimiter.RequestsPerMinute; i++) Assert.Null(limiter.TryAcquire("tok_a"));
        Assert.Equal(TimeSpan.FromSeconds(45), limiter.TryAcquire("tok_a"));
        Assert.Null(limiter.TryAcquire("tok_b"));

        time.Advance(TimeSpan.FromSeconds(45));
        Assert.Null(limiter.TryAcquire("tok_a"));
    }
}
