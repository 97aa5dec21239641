using System.Net;
using System.Text.Json;
using ChatBot.Teams.Tests.Infrastructure;
using ChatBot.Testing.Teams;

namespace ChatBot.Teams.Tests.Auth;

/// <summary>Every way a Bot Framework token can be wrong ends in 401 before anything reaches the inbox.</summary>
public sealed class InboundAuthenticationTests
{
    public static TheoryData<string> BadTokens =>
    [
        "wrong issuer", "wrong audience", "expired", "serviceUrl mismatch", "no serviceurl claim", "missing endorsement", "unknown kid", "not a jwt", "no token",
    ];

    private static string? TokenFor(string kind, TeamsHost host) => kind switch
    {
        "wrong issuer" => host.Auth.Mint(TeamsHost.AppId, host.Connector.ServiceUrl, issuer: "https://sts.windows.net/evil/"),
        "wrong audience" => host.Auth.Mint("another-bot", host.Connector.ServiceUrl),
        "expired" => host.Auth.Mint(TeamsHost.AppId, host.Connector.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-10)),
        "serviceUrl mismatch" => host.Auth.Mint(TeamsHost.AppId, "https://smba.trafficmanager.net/emea/"),
        "no serviceurl claim" => host.Auth.Mint(TeamsHost.AppId, null),
        "missing endorsement" => host.Auth.Mint(TeamsHost.AppId, host.Connector.ServiceUrl, kid: BotFrameworkAuthDouble.WebChatKeyId),
        "unknown kid" => host.Auth.Mint(TeamsHost.AppId, host.Connector.ServiceUrl, kid: "never-published"),
        "not a jwt" => "not-a-token",
        _ => null,
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_rejected_and_nothing_is_handled(string kind)
    {
        await using var host = await TeamsHost.StartAsync();

        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "monitor https://example.com/changelog"), TokenFor(kind, host));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Inbox.Calls);
        Assert.Empty(host.Connector.Requests);
    }

    [Fact]
    public async Task A_token_within_the_five_minute_skew_is_still_accepted()
    {
        await using var host = await TeamsHost.StartAsync();
        var token = host.Auth.Mint(TeamsHost.AppId, host.Connector.ServiceUrl, expires: DateTimeOffset.UtcNow.AddMinutes(-3));

        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "help"), token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Single(host.Inbox.Commands);
    }

    [Fact]
    public async Task A_rotated_key_is_picked_up_by_refreshing_the_metadata_once()
    {
        await using var host = await TeamsHost.StartAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "help"), host.GoodToken())).StatusCode);
        var fetchesBefore = host.Auth.MetadataRequests;

        host.Auth.Publish("rotated-key", "msteams");
        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "help"),
            host.Auth.Mint(TeamsHost.AppId, host.Connector.ServiceUrl, kid: "rotated-key"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.InRange(host.Auth.MetadataRequests, fetchesBefore + 1, fetchesBefore + 2);
        Assert.Equal(2, host.Inbox.Commands.Count);
    }

    [Fact]
    public async Task An_app_id_without_a_password_answers_503_and_says_why()
    {
        await using var host = await TeamsHost.StartAsync(configured: false, settings: new Dictionary<string, string?> { ["Teams:AppId"] = TeamsHost.AppId });

        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "help"), "anything");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("TEAMS_NOT_CONFIGURED", body.GetProperty("code").GetString());
        Assert.Contains("Teams__AppPassword", body.GetProperty("error").GetString());
        Assert.Equal(0, host.Inbox.Calls);
    }
}
