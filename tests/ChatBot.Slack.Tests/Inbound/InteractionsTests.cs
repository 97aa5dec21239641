using System.Net;
using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests.Inbound;

public sealed class InteractionsTests
{
    [Fact]
    public async Task An_approve_click_becomes_a_button_action_and_the_message_is_replaced_and_the_clicker_answered()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        host.Inbox.ActionAnswer = a => new CommandResult(
            new TextView("Approved; the run continues."),
            new ApprovalRequestView(a.Value, "Send the weekly report email", "ada", 12, ApprovalStatus.Approved, "ada", DateTimeOffset.UtcNow.AddHours(1)));

        var response = await host.SendAsync(host.Signer.Form("/slack/interactions",
            SlackPayloads.BlockAction(ActionIds.Approve, "apr_123", "1700000004.000100", slack.ResponseUrl("click1"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var action = Assert.Single(host.Inbox.Actions);
        Assert.Equal(ActionIds.Approve, action.ActionId);
        Assert.Equal("apr_123", action.Value);
        Assert.Equal("1700000004.000100", action.MessageId);
        Assert.Equal(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, SlackPayloads.Channel), action.Address);
        Assert.Equal(new ChatUser(SlackPayloads.User, "ada"), action.User);
        Assert.Equal("slack-act-999.888.trigger-0", action.DeliveryId);

        var update = await slack.WaitForCallAsync("chat.update");
        Assert.Equal("1700000004.000100", update.Arg("ts"));
        Assert.Equal(SlackPayloads.Channel, update.Arg("channel"));
        Assert.DoesNotContain(update.Blocks!, b => b!["type"]!.GetValue<string>() == "actions");
        Assert.Contains("Approved by @ada", update.Blocks!.ToJsonString());

        var reply = await slack.WaitForCallAsync("response_url");
        Assert.Equal("click1", reply.Arg("hook_id"));
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        Assert.False(reply.Arguments["replace_original"]!.GetValue<bool>());
        Assert.Equal("Approved; the run continues.", reply.Arg("text"));
    }

    [Fact]
    public async Task A_click_on_an_ephemeral_message_is_replaced_through_the_response_url()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);
        host.Inbox.ActionAnswer = _ => new CommandResult(null, new TextView("Monitor paused."));

        await host.SendAsync(host.Signer.Form("/slack/interactions",
            SlackPayloads.BlockAction(ActionIds.PauseMonitor, "mon_9", "1700000004.000200", slack.ResponseUrl("eph"), ephemeral: true)));

        var replace = await slack.WaitForCallAsync("response_url");
        Assert.True(replace.Arguments["replace_original"]!.GetValue<bool>());
        Assert.Equal("Monitor paused.", replace.Arg("text"));
        Assert.Empty(slack.CallsTo("chat.update"));
        Assert.Equal("mon_9", Assert.Single(host.Inbox.Actions).Value);
    }

    [Theory]
    [InlineData("""{"type":"block_actions","team":7,"actions":{}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":"block_actions","team":{"id":"T0TEAM"},"user":{"id":"U0USER","name":5},"channel":{"id":"C0CHANNEL"},"container":"x","message":5,"actions":[7,"a",null,{"action_id":3,"value":[]}]}""", HttpStatusCode.OK)]
    [InlineData("""{"type":"block_actions","team":[],"user":"U0USER","channel":true,"container":{"channel_id":{}}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"type":7}""", HttpStatusCode.OK)]
    [InlineData("[1]", HttpStatusCode.OK)]
    [InlineData("\"block_actions\"", HttpStatusCode.OK)]
    public async Task A_signed_payload_with_wrong_typed_fields_is_turned_away_or_ignored_without_an_error(string payload, HttpStatusCode expected)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.SendAsync(host.Signer.Form("/slack/interactions", [new("payload", payload)]));

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(host.Inbox.Actions);
        Assert.DoesNotContain(host.Logs.Logs, log => log.Level >= LogLevel.Error);
    }
}
