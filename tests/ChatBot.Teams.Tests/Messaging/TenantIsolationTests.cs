using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Teams.Auth;
using ChatBot.Teams.Messaging;
using ChatBot.Teams.Tests.Infrastructure;
using ChatBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Teams.Tests.Messaging;

/// <summary>
/// A workspace acts in Teams only as a tenant the bot has heard from: a validated activity records its tenant, and
/// the messenger refuses, before calling the connector, to post for any workspace not recorded so.
/// </summary>
public sealed class TenantIsolationTests
{
    private const string Fabrikam = "tenant-fabrikam";

    [Fact]
    public async Task A_validated_activity_records_its_tenant_and_a_rejected_one_does_not()
    {
        await using var host = await TeamsHost.StartAsync();
        var fromFabrikam = InTenant(TeamsActivities.Message(host.Connector.ServiceUrl, "<at>ChatBot</at> help", id: "1700000000101"), Fabrikam);
        var forged = InTenant(TeamsActivities.Message(host.Connector.ServiceUrl, "<at>ChatBot</at> help", id: "1700000000102"), "tenant-forged");

        Assert.Equal(HttpStatusCode.Unauthorized, (await TeamsActivities.PostAsync(host.Client, forged, "not-a-token")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await TeamsActivities.PostAsync(host.Client, fromFabrikam, host.GoodToken())).StatusCode);

        Assert.True(host.Tenants.Recorded.ContainsKey(Fabrikam));
        Assert.False(host.Tenants.Recorded.ContainsKey("tenant-forged"));
    }

    [Fact]
    public async Task The_messenger_posts_only_for_a_recorded_tenant()
    {
        await using var host = await TeamsHost.StartAsync();
        host.Services.GetRequiredService<TrustedServiceUrls>().Remember(host.Connector.ServiceUrl);
        var messenger = host.Services.GetRequiredService<TeamsMessenger>();
        var elsewhere = new ChatAddress(ChatPlatform.Teams, "acme-isolation", TeamsActivities.ChannelConversation, null, host.Connector.ServiceUrl);

        var post = await Assert.ThrowsAsync<PlatformNotConfiguredException>(() => messenger.PostAsync(elsewhere, new TextView("leak"), CancellationToken.None));
        var direct = await Assert.ThrowsAsync<PlatformNotConfiguredException>(() =>
            messenger.SendDirectAsync(elsewhere, new ChatUser("29:alice", "Alice"), new TextView("leak"), CancellationToken.None));
        await Assert.ThrowsAsync<PlatformNotConfiguredException>(() =>
            messenger.UpdateAsync(new PostedMessage(elsewhere, "act-1"), new TextView("leak"), CancellationToken.None));
        Assert.Contains("not a Microsoft Teams tenant", post.Message);
        Assert.Contains("not a Microsoft Teams tenant", direct.Message);
        Assert.Empty(host.Connector.Requests);

        var own = elsewhere with { WorkspaceId = TeamsActivities.TenantId };
        await messenger.PostAsync(own, new TextView("hello"), CancellationToken.None);
        Assert.Equal(TeamsActivities.ChannelConversation, Assert.Single(host.Connector.Requests).ConversationId);
    }

    private static JsonObject InTenant(JsonObject activity, string tenant)
    {
        activity["conversation"]!["tenantId"] = tenant;
        activity["channelData"]!["tenant"]!["id"] = tenant;
        return activity;
    }
}
