using System.Net;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Messaging;
using ChatBot.Teams.Messaging;
using ChatBot.Teams.Tests.Infrastructure;
using ChatBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Teams.Tests.Auth;

/// <summary>
/// Without an app id a local test client on this machine is heard without tokens and answered without one;
/// nothing from elsewhere, and nothing once an app id is set.
/// </summary>
public sealed class LocalModeTests
{
    [Fact]
    public async Task Without_an_app_id_a_tokenless_activity_from_this_machine_is_handled_and_answered_without_a_token()
    {
        await using var host = await TeamsHost.StartAsync(configured: false);

        var response = await TeamsActivities.PostAsync(host.Client,
            TeamsActivities.Message(host.Connector.ServiceUrl, "<at>ChatBot</at> monitor https://example.com/changelog", id: "1700000000001"), bearer: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.IsType<CreateMonitorCommand>(Assert.Single(host.Inbox.Commands).Command);
        var reply = Assert.Single(await host.Connector.WaitForRequestsAsync());
        Assert.Equal("reply", reply.Kind);
        Assert.Null(reply.Authorization);
        Assert.Empty(host.Connector.TokenRequests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://192.0.2.10:56150/_connector")]
    [InlineData("http://localhost.example.com/_connector")]
    public async Task Without_an_app_id_a_service_url_off_this_machine_is_refused(string serviceUrl)
    {
        await using var host = await TeamsHost.StartAsync(configured: false);

        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(serviceUrl, "help"), bearer: null);

        AssertRefused(host, response);
    }

    [Fact]
    public async Task Without_an_app_id_a_caller_on_another_machine_is_refused()
    {
        await using var host = await TeamsHost.StartAsync(configured: false, callerAddress: IPAddress.Parse("192.0.2.10"));

        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "help"), bearer: null);

        AssertRefused(host, response);
    }

    [Fact]
    public async Task Without_an_app_id_a_caller_forwarded_by_a_proxy_on_this_machine_is_refused()
    {
        await using var host = await TeamsHost.StartAsync(configured: false);
        host.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");

        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "help"), bearer: null);

        AssertRefused(host, response);
    }

    [Fact]
    public async Task With_an_app_id_a_tokenless_activity_from_this_machine_is_refused()
    {
        await using var host = await TeamsHost.StartAsync();

        var response = await TeamsActivities.PostAsync(host.Client, TeamsActivities.Message(host.Connector.ServiceUrl, "help"), bearer: null);

        AssertRefused(host, response);
    }

    [Fact]
    public async Task Without_an_app_id_posts_to_a_conversation_off_this_machine_report_teams_as_not_configured()
    {
        await using var host = await TeamsHost.StartAsync(configured: false);
        var messenger = host.Services.GetRequiredService<TeamsMessenger>();
        var remote = new ChatAddress(ChatPlatform.Teams, TeamsActivities.TenantId, TeamsActivities.ChannelConversation, null, "https://smba.trafficmanager.net/emea/");

        await Assert.ThrowsAsync<PlatformNotConfiguredException>(() => messenger.PostAsync(remote, new Core.Views.TextView("hello"), CancellationToken.None));

        Assert.Empty(host.Connector.Requests);
    }

    private static void AssertRefused(TeamsHost host, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, host.Inbox.Calls);
        Assert.Empty(host.Connector.Requests);
    }
}
