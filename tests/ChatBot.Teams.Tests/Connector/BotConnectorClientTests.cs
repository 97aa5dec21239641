using ChatBot.Core.Chat;
using ChatBot.Core.Views;
using ChatBot.Teams.Activities;
using ChatBot.Teams.Auth;
using ChatBot.Teams.Connector;
using ChatBot.Teams.Messaging;
using ChatBot.Teams.Tests.Infrastructure;
using ChatBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Teams.Tests.Connector;

/// <summary>The connector client's retry rules and the messenger's use of it, against the connector double.</summary>
public sealed class BotConnectorClientTests
{
    private static async Task<(TeamsHost Host, BotConnectorClient Client)> StartAsync()
    {
        var host = await TeamsHost.StartAsync();
        host.Services.GetRequiredService<TrustedServiceUrls>().Remember(host.Connector.ServiceUrl);
        return (host, host.Services.GetRequiredService<BotConnectorClient>());
    }

    private static Activity Hello => new() { Text = "hello" };

    [Fact]
    public async Task Throttling_is_retried_until_it_passes()
    {
        var (host, client) = await StartAsync();
        await using var _ = host;
        host.Connector.Failures.Enqueue((429, "Throttled"));
        host.Connector.Failures.Enqueue((412, null));

        var id = await client.SendAsync(host.Connector.ServiceUrl, "19:c@thread.tacv2", Hello, CancellationToken.None);

        Assert.StartsWith("act-", id);
        Assert.Equal(3, host.Connector.Requests.Count);
    }

    [Fact]
    public async Task Gateway_errors_are_retried_a_bounded_number_of_times()
    {
        var (host, client) = await StartAsync();
        await using var _ = host;
        for (var i = 0; i < 10; i++) host.Connector.Failures.Enqueue((502, null));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.SendAsync(host.Connector.ServiceUrl, "19:c@thread.tacv2", Hello, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal(4, host.Connector.Requests.Count);
    }

    [Theory]
    [InlineData("BotNotInConversationRoster")]
    [InlineData("ConversationBlockedByUser")]
    public async Task A_bot_removed_or_blocked_is_not_retried_and_the_conversation_is_reported_gone(string code)
    {
        var (host, client) = await StartAsync();
        await using var _ = host;
        host.Connector.Failures.Enqueue((403, code));

        var gone = await Assert.ThrowsAsync<ChatBot.Core.Messaging.DestinationGoneException>(() =>
            client.ReplyAsync(host.Connector.ServiceUrl, "19:c@thread.tacv2;messageid=1700", "1700", Hello, CancellationToken.None));

        Assert.Equal((ChatBot.Core.Chat.ChatPlatform.Teams, "19:c@thread.tacv2", code), (gone.Platform, gone.ChannelId, gone.Reason));
        Assert.Equal(code, Assert.IsType<ConnectorException>(gone.InnerException).ErrorCode);
        Assert.Single(host.Connector.Requests);
    }

    [Fact]
    public async Task A_service_url_never_seen_inbound_gets_nothing_not_even_a_token()
    {
        await using var host = await TeamsHost.StartAsync();
        var client = host.Services.GetRequiredService<BotConnectorClient>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(host.Connector.ServiceUrl, "19:c@thread.tacv2", Hello, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync("https://attacker.example/", "19:c@thread.tacv2", Hello, CancellationToken.None));

        Assert.Empty(host.Connector.Requests);
        Assert.Empty(host.Connector.TokenRequests);
    }

    [Fact]
    public async Task The_messenger_threads_replies_updates_in_place_and_opens_a_personal_chat_for_direct_messages()
    {
        var (host, _) = await StartAsync();
        await using var __ = host;
        var messenger = host.Services.GetRequiredService<TeamsMessenger>();
        var channel = new ChatAddress(ChatPlatform.Teams, TeamsActivities.TenantId, "19:c@thread.tacv2", null, host.Connector.ServiceUrl);

        var root = await messenger.PostAsync(channel, new TextView("root"), CancellationToken.None);
        await messenger.PostAsync(channel.InThread(root.MessageId), new ProgressView(1, "reading"), CancellationToken.None);
        await messenger.UpdateAsync(root, new TextView("edited"), CancellationToken.None);
        await messenger.SendDirectAsync(channel, new ChatUser("29:alice", "Alice"), new TextView("psst"), CancellationToken.None);

        var requests = host.Connector.Requests.ToArray();
        Assert.Equal(["send", "reply", "update", "create", "send"], requests.Select(r => r.Kind));
        Assert.Equal(root.MessageId, requests[1].ActivityId);
        Assert.Equal(root.MessageId, requests[2].ActivityId);
        Assert.Equal("29:alice", requests[3].Body["members"]![0]!["id"]!.GetValue<string>());
        Assert.StartsWith("a:personal-", requests[4].ConversationId);
        Assert.Single(host.Connector.TokenRequests); // MSAL caches the token
    }
}
