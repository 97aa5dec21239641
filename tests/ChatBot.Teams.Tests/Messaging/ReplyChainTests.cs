using ChatBot.Core.Chat;
using ChatBot.Teams.Auth;
using ChatBot.Teams.Messaging;
using ChatBot.Teams.Tests.Infrastructure;
using ChatBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Teams.Tests.Messaging;

/// <summary>Teams clients show a channel reply only when it is posted to the chain's own conversation id.</summary>
public sealed class ReplyChainTests
{
    [Fact]
    public async Task A_post_in_a_channel_thread_goes_to_the_reply_chain_of_its_root()
    {
        await using var host = await TeamsHost.StartAsync();
        var messenger = host.Services.GetRequiredService<TeamsMessenger>();
        host.Services.GetRequiredService<TrustedServiceUrls>().Remember(host.Connector.ServiceUrl); // as an inbound activity would
        var thread = new ChatAddress(ChatPlatform.Teams, TeamsActivities.TenantId, TeamsActivities.ChannelConversation, "1700000000042", host.Connector.ServiceUrl);

        await messenger.PostAsync(thread, new Core.Views.TextView("the answer"), CancellationToken.None);

        var reply = Assert.Single(host.Connector.Requests);
        Assert.Equal(("reply", TeamsActivities.ChannelConversation + ";messageid=1700000000042", "1700000000042"), (reply.Kind, reply.ConversationId, reply.ActivityId));
    }
}
