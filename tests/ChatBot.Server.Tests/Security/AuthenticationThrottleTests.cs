using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Server.Auth;

namespace ChatBot.Server.Tests.Security;

/// <summary>Per-token request limits on every token API (run polling included) and a throttle on failed authentication per address.</summary>
[Collection(SecurityProcesses.Name)]
public sealed class AuthenticationThrottleTests(ThrottledServer fixture) : IClassFixture<ThrottledServer>
{
    [Fact]
    public async Task Run_polling_is_limited_per_token_then_guessing_secrets_and_passwords_is_throttled_per_address()
    {
        var token = await fixture.IssueTokenAsync("T0THROTTLE", "trigger");

        using var poller = fixture.Client();
        poller.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < TokenRateLimiter.RequestsPerMinute + 20; i++) statuses.Add((await poller.GetAsync("/api/runs/run_nope")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, statuses[0]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        // A bucket refills one request per 0.6 s: a slow machine may earn a few more, never a second hundred.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.NotFound), TokenRateLimiter.RequestsPerMinute, TokenRateLimiter.RequestsPerMinute + 15);

        using var guesser = fixture.Client();
        guesser.DefaultRequestHeaders.Authorization = SecurityServer.Basic(SecurityServer.OpsUsername, "wrong-guess");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < FailedAuthThrottle.Burst + 10; i++) answers.Add((await guesser.GetAsync("/api/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, answers[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.InRange(answers.Count(a => a == HttpStatusCode.Unauthorized), FailedAuthThrottle.Burst, FailedAuthThrottle.Burst + 5);

        // The same address guessing a token secret is throttled too, and told when to come back.
        using var tokenGuesser = fixture.Client();
        tokenGuesser.DefaultRequestHeaders.Authorization = new("Bearer", token[..^4] + "AAAA");
        var guessed = await tokenGuesser.PostAsJsonAsync("/api/workspace/T0THROTTLE/trigger", new { task = "x" });
        Assert.Equal(HttpStatusCode.TooManyRequests, guessed.StatusCode);
        Assert.NotNull(guessed.Headers.RetryAfter);
        Assert.Equal("TOO_MANY_FAILED_ATTEMPTS", (await guessed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }
}
