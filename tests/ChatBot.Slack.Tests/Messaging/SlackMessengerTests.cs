using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests.Messaging;

public sealed class SlackMessengerTests
{
    private static readonly ChatAddress Channel = new(ChatPlatform.Slack, "T1", "C1");

    [Fact]
    public async Task The_messenger_is_registered_as_the_slack_imessenger_and_posts_block_kit_in_the_thread()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        var messenger = services.GetServices<IMessenger>().Single(m => m.Platform == ChatPlatform.Slack);
        var approval = new ApprovalRequestView("apr_1", "Delete the staging database", "ada", 40, ApprovalStatus.Pending, null, DateTimeOffset.UtcNow.AddHours(1));

        var posted = await messenger.PostAsync(Channel.InThread("1700000000.000009"), approval, CancellationToken.None);

        var call = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal("C1", call.Arg("channel"));
        Assert.Equal("1700000000.000009", call.Arg("thread_ts"));
        Assert.StartsWith("Approval needed: Delete the staging database", call.Arg("text"));
        Assert.Contains(ActionIds.Approve, call.Blocks!.ToJsonString());
        Assert.Equal("1700000000.000001", posted.MessageId);
        Assert.Equal(Channel.InThread("1700000000.000009"), posted.Address);
    }

    [Fact]
    public async Task Update_replaces_the_message_by_its_ts()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        var messenger = services.GetRequiredService<SlackMessenger>();

        await messenger.UpdateAsync(new PostedMessage(Channel, "1700000000.000005"), new ProgressView(3, "reading the docs"), CancellationToken.None);

        var call = Assert.Single(slack.CallsTo("chat.update"));
        Assert.Equal("1700000000.000005", call.Arg("ts"));
        Assert.Equal("⏳ Working · step 3 · reading the docs", call.Arg("text"));
    }

    [Fact]
    public async Task Ephemeral_goes_to_one_user_and_direct_messages_open_a_dm_first()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        var messenger = services.GetRequiredService<SlackMessenger>();
        var user = new ChatUser("U7", "grace");

        await messenger.PostEphemeralAsync(Channel, user, new TextView("only you"), CancellationToken.None);
        await messenger.SendDirectAsync(Channel, user, new TextView("a DM"), CancellationToken.None);

        var ephemeral = Assert.Single(slack.CallsTo("chat.postEphemeral"));
        Assert.Equal(("C1", "U7", "only you"), (ephemeral.Arg("channel"), ephemeral.Arg("user"), ephemeral.Arg("text")));
        Assert.Equal("U7", Assert.Single(slack.CallsTo("conversations.open")).Arg("users"));
        var dm = Assert.Single(slack.CallsTo("chat.postMessage"));
        Assert.Equal(("DU7", "a DM"), (dm.Arg("channel"), dm.Arg("text")));
    }

    [Fact]
    public async Task A_slack_error_while_posting_reaches_the_caller_so_the_delivery_job_can_retry()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        slack.Failures.Enqueue(Testing.Slack.SlackScriptedFailure.Fails("internal_error"));

        var error = await Assert.ThrowsAsync<ChatBot.Slack.Api.SlackApiException>(() =>
            services.GetRequiredService<SlackMessenger>().PostAsync(Channel, new TextView("hi"), CancellationToken.None));

        Assert.Equal("internal_error", error.Error);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("is_archived")]
    [InlineData("not_in_channel")]
    [InlineData("account_inactive")]
    public async Task A_channel_the_bot_can_no_longer_post_in_is_reported_as_gone(string code)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        slack.Failures.Enqueue(Testing.Slack.SlackScriptedFailure.Fails(code));

        var gone = await Assert.ThrowsAsync<ChatBot.Core.Messaging.DestinationGoneException>(() =>
            services.GetRequiredService<SlackMessenger>().PostAsync(Channel, new TextView("hi"), CancellationToken.None));

        Assert.Equal((ChatBot.Core.Chat.ChatPlatform.Slack, Channel.ChannelId, code), (gone.Platform, gone.ChannelId, gone.Reason));
    }

    [Fact]
    public async Task Admin_lookups_ask_users_info_and_only_an_unknown_user_is_a_plain_no()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var services = SlackServices.For(slack);
        slack.Admins["U_ADMIN"] = true;
        var directory = services.GetServices<IUserDirectory>().Single(d => d.Platform == ChatPlatform.Slack);

        Assert.False(directory.AnswersLocally);
        Assert.True((await directory.LookUpAsync(Channel, "U_ADMIN", CancellationToken.None)).IsAdmin);
        Assert.False((await directory.LookUpAsync(Channel, "U_MEMBER", CancellationToken.None)).IsAdmin);
        Assert.Equal(2, slack.CallsTo("users.info").Count);

        slack.Failures.Enqueue(Testing.Slack.SlackScriptedFailure.Fails("user_not_found"));
        Assert.False((await directory.LookUpAsync(Channel, "U_GHOST", CancellationToken.None)).IsAdmin);
        // Any other failure is not an answer: the caller keeps the role it had stored and tries again later.
        slack.Failures.Enqueue(Testing.Slack.SlackScriptedFailure.Fails("internal_error"));
        await Assert.ThrowsAsync<ChatBot.Slack.Api.SlackApiException>(() => directory.LookUpAsync(Channel, "U_ADMIN", CancellationToken.None).AsTask());
    }
}
