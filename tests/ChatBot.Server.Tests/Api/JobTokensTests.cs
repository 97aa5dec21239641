using ChatBot.Server.Api.Runs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Server.Tests.Api;

public sealed class JobTokensTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void A_token_is_valid_for_its_run_for_about_an_hour()
    {
        var tokens = new JobTokens(_keys, _time);
        var token = tokens.Issue("run_a", "ws");

        Assert.Equal(JobTokenCheck.Valid, tokens.Check(token, "run_a"));
        Assert.Equal(JobTokenCheck.OtherRun, tokens.Check(token, "run_b"));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(JobTokenCheck.Valid, tokens.Check(token, "run_a"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(JobTokenCheck.Expired, tokens.Check(token, "run_a"));
    }

    [Fact]
    public void Tampered_or_foreign_tokens_are_invalid()
    {
        var tokens = new JobTokens(_keys, _time);
        var token = tokens.Issue("run_a", "ws");

        Assert.Equal(JobTokenCheck.Invalid, tokens.Check(token[..^3] + "abc", "run_a"));
        Assert.Equal(JobTokenCheck.Invalid, tokens.Check(new JobTokens(new EphemeralDataProtectionProvider(), _time).Issue("run_a", "ws"), "run_a"));
        Assert.Equal(JobTokenCheck.Invalid, tokens.Check("", "run_a"));
    }
}
