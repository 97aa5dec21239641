using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests.Inbound;

public sealed class EventsTests
{
    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Json("/slack/events",
            """{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", body["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mention_becomes_an_agent_task_threaded_under_the_message_with_the_event_id_as_delivery_id()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Json("/slack/events",
            SlackPayloads.EventCallback(SlackPayloads.Mention($"<@{SlackPayloads.BotUser}> summarize last 24h of <#C0FEEDBACK|customer-feedback>", ts: "1700000001.000100"), "Ev42")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invocation = Assert.Single(host.Inbox.Commands);
        // Slack's channel markup arrives in Core as the neutral channel mention every platform understands.
        Assert.Equal(new AgentTaskCommand("summarize last 24h of [#customer-feedback](chat-channel:C0FEEDBACK)"), invocation.Command);
        Assert.Equal("Ev42", invocation.DeliveryId);
        Assert.Equal(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, SlackPayloads.Channel, "1700000001.000100"), invocation.Address);
        Assert.False(invocation.IsDirectMessage);
    }

    [Fact]
    public async Task A_mention_inside_a_thread_answers_in_that_thread_and_the_mention_is_stripped_anywhere()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        await host.SendAsync(host.Signer.Json("/slack/events",
            SlackPayloads.EventCallback(SlackPayloads.Mention($"could you <@{SlackPayloads.BotUser}> check the status page", ts: "1700000009.000100", threadTs: "1700000000.000001"))));

        var invocation = Assert.Single(host.Inbox.Commands);
        Assert.Equal(new AgentTaskCommand("could you   check the status page"), invocation.Command);
        Assert.Equal("1700000000.000001", invocation.Address.ThreadId);
    }

    [Fact]
    public async Task A_direct_message_is_a_task_in_the_conversation_itself()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        await host.SendAsync(host.Signer.Json("/slack/events",
            SlackPayloads.EventCallback(SlackPayloads.Message("what changed on our pricing page?", "im", channel: "D0DM"))));

        var invocation = Assert.Single(host.Inbox.Commands);
        Assert.Equal(new AgentTaskCommand("what changed on our pricing page?"), invocation.Command);
        Assert.True(invocation.IsDirectMessage);
        Assert.Equal(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, "D0DM"), invocation.Address);
    }

    [Fact]
    public async Task Cancelmonitor_in_a_thread_cancels_by_thread_ts()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        await host.SendAsync(host.Signer.Json("/slack/events",
            SlackPayloads.EventCallback(SlackPayloads.Message(" cancelmonitor ", "channel", threadTs: "1700000000.000777"))));

        var invocation = Assert.Single(host.Inbox.Commands);
        Assert.IsType<CancelMonitorCommand>(invocation.Command);
        Assert.Equal(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, SlackPayloads.Channel, "1700000000.000777"), invocation.Address);
    }

    public static TheoryData<string> Ignored => new()
    {
        // A bot's message (our own answers among them) must never start a run.
        SlackPayloads.EventCallback(new JsonObject { ["type"] = "message", ["subtype"] = "bot_message", ["bot_id"] = "B1", ["text"] = "hello", ["ts"] = "1.1", ["channel"] = "D0DM", ["channel_type"] = "im" }),
        SlackPayloads.EventCallback(new JsonObject { ["type"] = "app_mention", ["bot_id"] = "B1", ["user"] = "U0OTHERBOT", ["text"] = "<@U0BOT> loop", ["ts"] = "1.2", ["channel"] = SlackPayloads.Channel }),
        // Edits arrive as message_changed; acting on them would run a task twice.
        SlackPayloads.EventCallback(new JsonObject { ["type"] = "message", ["subtype"] = "message_changed", ["channel"] = "D0DM", ["channel_type"] = "im", ["ts"] = "1.3", ["message"] = new JsonObject { ["text"] = "edited" } }),
        // Ordinary channel chatter, and a channel message outside any thread, are not for the bot.
        SlackPayloads.EventCallback(SlackPayloads.Message("lunch?", "channel")),
        SlackPayloads.EventCallback(SlackPayloads.Message("cancelmonitor", "channel")),
        SlackPayloads.EventCallback(SlackPayloads.Message("just chatting in a thread", "channel", threadTs: "1.0")),
        """{"type":"app_rate_limited","team_id":"T0TEAM","minute_rate_limited":1518467820}""",
    };

    [Theory]
    [MemberData(nameof(Ignored))]
    public async Task Events_not_meant_for_the_bot_are_acknowledged_and_dropped(string body)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Json("/slack/events", body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Inbox.Commands);
    }

    [Fact]
    public async Task The_inboxs_reply_to_a_mention_reaches_the_user_ephemerally_in_the_thread()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        host.Inbox.CommandAnswer = _ => CommandResult.Say("This workspace is suspended, so I can't start new tasks.");

        var response = await host.SendAsync(host.Signer.Json("/slack/events",
            SlackPayloads.EventCallback(SlackPayloads.Mention($"<@{SlackPayloads.BotUser}> do something", ts: "1700000005.000100"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await slack.WaitForCallAsync("chat.postEphemeral");
        Assert.Equal(SlackPayloads.Channel, call.Arg("channel"));
        Assert.Equal(SlackPayloads.User, call.Arg("user"));
        Assert.Equal("1700000005.000100", call.Arg("thread_ts"));
        Assert.Equal("This workspace is suspended, so I can't start new tasks.", call.Arg("text"));
        Assert.Equal("Bearer " + SlackApiDouble.BotToken, call.Authorization);
    }

    [Theory]
    [InlineData("""{"type":"event_callback","team_id":7,"event_id":[],"authorizations":{},"event":{"type":"app_mention","user":{},"text":5,"ts":1,"channel":null}}""", HttpStatusCode.OK)]
    [InlineData("""{"type":"event_callback","team_id":"T0TEAM","event_id":"Ev1","event":{"type":"tokens_revoked","tokens":{"bot":"B1"}}}""", HttpStatusCode.OK)]
    [InlineData("""{"type":"event_callback","event":[1,2]}""", HttpStatusCode.OK)]
    [InlineData("""{"type":["url_verification"],"challenge":{}}""", HttpStatusCode.OK)]
    [InlineData("""[{"type":"event_callback"}]""", HttpStatusCode.OK)]
    [InlineData("""{"type":"event_callback",""", HttpStatusCode.BadRequest)]
    public async Task A_signed_event_with_wrong_typed_fields_is_turned_away_or_ignored_without_an_error(string body, HttpStatusCode expected)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Json("/slack/events", body));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(host.Inbox.Commands);
        Assert.DoesNotContain(host.Logs.Logs, log => log.Level >= LogLevel.Error);
    }
}
