using System.Net;
using System.Text;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Slack.Verification;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests.Verification;

public sealed class SlackSignatureTests
{
    // The worked example from Slack's "Verifying requests from Slack" documentation.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    [Fact]
    public void Slacks_documented_example_verifies()
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(long.Parse(DocTimestamp)) + TimeSpan.FromSeconds(30);
        Assert.Equal(DocSignature, SlackSignature.Compute(DocSecret, DocTimestamp, Encoding.UTF8.GetBytes(DocBody)));
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(DocSecret, DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody), now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_changed_body_a_stale_or_future_timestamp_and_missing_headers_are_rejected()
    {
        var body = Encoding.UTF8.GetBytes(DocBody);
        var signedAt = DateTimeOffset.FromUnixTimeSeconds(long.Parse(DocTimestamp));
        var tolerance = TimeSpan.FromMinutes(5);
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(DocSecret, DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody + "x"), signedAt, tolerance));
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify("other-secret", DocTimestamp, DocSignature, body, signedAt, tolerance));
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(DocSecret, DocTimestamp, DocSignature, body, signedAt + TimeSpan.FromMinutes(6), tolerance));
        Assert.Equal(SignatureCheck.Stale, SlackSignature.Verify(DocSecret, DocTimestamp, DocSignature, body, signedAt - TimeSpan.FromMinutes(6), tolerance));
        Assert.Equal(SignatureCheck.Missing, SlackSignature.Verify(DocSecret, null, DocSignature, body, signedAt, tolerance));
        Assert.Equal(SignatureCheck.Missing, SlackSignature.Verify(DocSecret, DocTimestamp, "", body, signedAt, tolerance));
        Assert.Equal(SignatureCheck.Missing, SlackSignature.Verify(DocSecret, "not-a-number", DocSignature, body, signedAt, tolerance));
    }

    [Fact]
    public async Task A_correctly_signed_request_reaches_the_handler()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/help", "")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Inbox.Commands);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_401_and_nothing_is_handled()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        var request = host.Signer.Request("/slack/commands", new FormUrlEncodedContent(SlackPayloads.SlashCommand("/monitor", "https://example.com")),
            tamper: body => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("example.com", "evil.example")));

        var response = await host.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("INVALID_SIGNATURE", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Inbox.Commands);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task A_request_signed_more_than_five_minutes_away_from_now_is_401(int minutes)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/help", ""), DateTimeOffset.UtcNow.AddMinutes(minutes)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Inbox.Commands);
    }

    [Fact]
    public async Task Freshness_is_judged_by_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, time: clock);
        var signedAt = clock.GetUtcNow();

        var fresh = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/help", ""), signedAt));
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var replayed = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/help", ""), signedAt));

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Single(host.Inbox.Commands);
    }

    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task An_unsigned_request_is_401_on_every_endpoint(string path)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.Client.PostAsync(path, new StringContent("""{"type":"url_verification","challenge":"x"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Inbox.Commands);
        Assert.Empty(host.Inbox.Actions);
    }

    [Fact]
    public async Task Without_a_signing_secret_slack_requests_get_503_saying_slack_is_not_connected()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, configured: false);

        var response = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/help", "")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Slack__SigningSecret", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Inbox.Commands);
    }
}
