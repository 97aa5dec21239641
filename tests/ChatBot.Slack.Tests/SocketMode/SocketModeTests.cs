using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Core.Views;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Tests.SocketMode;

/// <summary>
/// The adapter over Socket Mode against a local WebSocket double of Slack, with the inbox recorded: envelopes reach
/// the same handlers as the HTTP endpoints and are acked with what those would answer, and the connection is kept
/// (replaced on disconnect, dropped when silent, retried when refused).
/// </summary>
public sealed class SocketModeTests
{
    /// <summary>
    /// Short backoff, and a watchdog window short enough that a test sees it fire within seconds yet long enough
    /// that a busy machine (a cold start, the whole suite in parallel) never trips it on a healthy connection.
    /// </summary>
    private static Dictionary<string, string?> SocketMode(string silenceTimeout = "00:00:03") => new()
    {
        ["Slack:AppToken"] = SlackApiDouble.AppToken,
        ["Slack:SocketPingInterval"] = "00:00:00.200",
        ["Slack:SocketSilenceTimeout"] = silenceTimeout,
        ["Slack:SocketReconnectDelay"] = "00:00:00.050",
        ["Slack:SocketMaxReconnectDelay"] = "00:00:00.200",
    };

    private static async Task<(SlackApiDouble Slack, SlackSocketModeDouble SocketMode, SlackTestHost Host)> StartAsync(string silenceTimeout = "00:00:03")
    {
        var slack = await SlackApiDouble.StartAsync();
        var socketMode = await SlackSocketModeDouble.StartAsync(slack);
        var host = await SlackTestHost.StartAsync(slack, settings: SocketMode(silenceTimeout));
        return (slack, socketMode, host);
    }

    private static JsonObject SlashCommandPayload(string command, string text) =>
        new(SlackPayloads.SlashCommand(command, text).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value)));

    [Fact]
    public async Task A_slash_command_envelope_is_acked_with_the_same_ephemeral_answer_the_http_endpoint_gives()
    {
        var (slack, socketMode, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = socketMode;
        await using var ___ = host;
        host.Inbox.CommandAnswer = _ => CommandResult.Say("Watching **example.com/pricing** daily. [Manage](https://bot.example/monitors)");
        var session = await socketMode.WaitForSessionAsync(1);

        var http = await host.SendAsync(host.Signer.Form("/slack/commands", SlackPayloads.SlashCommand("/monitor", "<https://example.com/pricing>")));
        var envelopeId = await session.SendEnvelopeAsync("slash_commands", SlashCommandPayload("/monitor", "<https://example.com/pricing>"), acceptsResponsePayload: true);
        var ack = await session.WaitForAckAsync(envelopeId);

        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        var httpBody = JsonNode.Parse(await http.Content.ReadAsStringAsync())!;
        Assert.Equal(envelopeId, ack["envelope_id"]!.GetValue<string>());
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(httpBody, ack["payload"]), $"HTTP answered {httpBody.ToJsonString()}, the ack carried {ack["payload"]!.ToJsonString()}");
        Assert.Equal(2, host.Inbox.Commands.Count);
        Assert.All(host.Inbox.Commands, invocation =>
        {
            Assert.Equal(new CreateMonitorCommand(Cadence.Daily, "https://example.com/pricing"), invocation.Command);
            Assert.Equal(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, SlackPayloads.Channel), invocation.Address);
            Assert.Equal(new ChatUser(SlackPayloads.User, "ada"), invocation.User);
            Assert.Equal("slack-cmd-123.456.abcdef", invocation.DeliveryId);
        });
    }

    [Fact]
    public async Task An_events_api_envelope_reaches_the_inbox_by_event_id_and_the_reply_follows_the_ack()
    {
        var (slack, socketMode, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = socketMode;
        await using var ___ = host;
        host.Inbox.CommandAnswer = _ => CommandResult.Say("This workspace is suspended, so I can't start new tasks.");
        var session = await socketMode.WaitForSessionAsync(1);

        var envelopeId = await session.SendEnvelopeAsync("events_api", JsonNode.Parse(SlackPayloads.EventCallback(
            SlackPayloads.Mention($"<@{SlackPayloads.BotUser}> summarize the week", ts: "1700000001.000100"), "EvSOCKET1"))!);
        var ack = await session.WaitForAckAsync(envelopeId);

        Assert.Null(ack["payload"]);
        var invocation = Assert.Single(host.Inbox.Commands);
        Assert.Equal(new AgentTaskCommand("summarize the week"), invocation.Command);
        Assert.Equal("EvSOCKET1", invocation.DeliveryId);
        Assert.Equal(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, SlackPayloads.Channel, "1700000001.000100"), invocation.Address);
        var reply = await slack.WaitForCallAsync("chat.postEphemeral");
        Assert.Equal("This workspace is suspended, so I can't start new tasks.", reply.Arg("text"));
        Assert.Equal("1700000001.000100", reply.Arg("thread_ts"));
    }

    [Fact]
    public async Task A_block_actions_envelope_becomes_a_button_action_and_the_message_is_replaced_and_the_clicker_answered()
    {
        var (slack, socketMode, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = socketMode;
        await using var ___ = host;
        host.Inbox.ActionAnswer = a => new CommandResult(
            new TextView("Approved; the run continues."),
            new ApprovalRequestView(a.Value, "Send the weekly report email", "ada", 12, ApprovalStatus.Approved, "ada", DateTimeOffset.UtcNow.AddHours(1)));
        var session = await socketMode.WaitForSessionAsync(1);
        var payload = JsonNode.Parse(SlackPayloads.BlockAction(ActionIds.Approve, "apr_123", "1700000004.000100", slack.ResponseUrl("click1"))["payload"])!;

        var envelopeId = await session.SendEnvelopeAsync("interactive", payload, acceptsResponsePayload: false);
        var ack = await session.WaitForAckAsync(envelopeId);

        Assert.Null(ack["payload"]);
        var action = Assert.Single(host.Inbox.Actions);
        Assert.Equal(ActionIds.Approve, action.ActionId);
        Assert.Equal("apr_123", action.Value);
        Assert.Equal("1700000004.000100", action.MessageId);
        Assert.Equal("slack-act-999.888.trigger-0", action.DeliveryId);
        var update = await slack.WaitForCallAsync("chat.update");
        Assert.Equal("1700000004.000100", update.Arg("ts"));
        Assert.Contains("Approved by @ada", update.Blocks!.ToJsonString());
        var reply = await slack.WaitForCallAsync("response_url");
        Assert.Equal("Approved; the run continues.", reply.Arg("text"));
    }

    [Fact]
    public async Task A_disconnect_opens_a_new_connection_before_the_old_one_is_closed_and_deliveries_continue_on_it()
    {
        var (slack, socketMode, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = socketMode;
        await using var ___ = host;
        var first = await socketMode.WaitForSessionAsync(1);

        await first.SendDisconnectAsync("refresh_requested");
        var second = await socketMode.WaitForSessionAsync(2);
        await first.WaitUntilEndedAsync();

        Assert.True(first.ClosedByClient, host.Logs.Describe());
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
        Assert.All(slack.CallsTo("apps.connections.open"), call => Assert.Equal("Bearer " + SlackApiDouble.AppToken, call.Authorization));
        var envelopeId = await second.SendEnvelopeAsync("slash_commands", SlashCommandPayload("/help", ""));
        Assert.Equal(envelopeId, (await second.WaitForAckAsync(envelopeId))["envelope_id"]!.GetValue<string>());
        Assert.IsType<HelpCommand>(Assert.Single(host.Inbox.Commands).Command);
    }

    [Fact]
    public async Task Until_the_replacement_says_hello_the_old_connection_keeps_delivering_and_a_replacement_without_hello_is_dropped()
    {
        var (slack, socketMode, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = socketMode;
        await using var ___ = host;
        var first = await socketMode.WaitForSessionAsync(1);
        socketMode.WithholdHello = true;

        await first.SendDisconnectAsync("warning");
        var mute = await socketMode.WaitForSessionAsync(2);
        var envelopeId = await first.SendEnvelopeAsync("slash_commands", SlashCommandPayload("/help", ""));
        await first.WaitForAckAsync(envelopeId);
        Assert.False(first.Ended.IsCompleted);
        socketMode.WithholdHello = false;
        await mute.WaitUntilEndedAsync();
        var third = await socketMode.WaitForSessionAsync(3);
        await first.WaitUntilEndedAsync();

        Assert.True(first.ClosedByClient, host.Logs.Describe());
        Assert.Equal(3, slack.CallsTo("apps.connections.open").Count);
        Assert.Single(host.Inbox.Commands);
        var later = await third.SendEnvelopeAsync("slash_commands", SlashCommandPayload("/help", ""));
        await third.WaitForAckAsync(later);
        Assert.Equal(2, host.Inbox.Commands.Count);
    }

    [Fact]
    public async Task A_silent_connection_is_dropped_by_the_watchdog_and_replaced()
    {
        // A watchdog that fires early here still drops and replaces the connection, so the window can be short.
        var (slack, socketMode, host) = await StartAsync(silenceTimeout: "00:00:01");
        await using var _ = slack;
        await using var __ = socketMode;
        await using var ___ = host;
        var first = await socketMode.WaitForSessionAsync(1);

        first.GoSilent();
        var second = await socketMode.WaitForSessionAsync(2);
        await first.WaitUntilEndedAsync();

        Assert.False(first.ClosedByClient);
        // The keep-alive ping went unanswered: that, not a closed socket, is what dropped it.
        Assert.Contains(host.Logs.Logs, log => log.Level == LogLevel.Warning
            && log.Message.StartsWith("Slack Socket Mode connection lost", StringComparison.Ordinal) && log.Message.Contains("Pong", StringComparison.OrdinalIgnoreCase));
        var envelopeId = await second.SendEnvelopeAsync("slash_commands", SlashCommandPayload("/help", ""));
        await second.WaitForAckAsync(envelopeId);
        Assert.IsType<HelpCommand>(Assert.Single(host.Inbox.Commands).Command);
    }

    [Fact]
    public async Task A_refused_app_token_is_retried_with_backoff_and_logged_as_an_error_while_the_host_keeps_serving()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var socketMode = await SlackSocketModeDouble.StartAsync(slack);
        slack.Failures.Enqueue(SlackScriptedFailure.Fails("invalid_auth"));
        slack.Failures.Enqueue(SlackScriptedFailure.Fails("invalid_auth"));
        await using var host = await SlackTestHost.StartAsync(slack, settings: SocketMode());

        var session = await socketMode.WaitForSessionAsync(1);

        Assert.Equal(3, slack.CallsTo("apps.connections.open").Count);
        var refusals = host.Logs.Logs.Where(log => log.Level == LogLevel.Error && log.Message.Contains("invalid_auth", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, log => Assert.Contains("Slack__AppToken", log.Message));
        var http = await host.SendAsync(host.Signer.Json("/slack/events", """{"type":"url_verification","challenge":"still-up"}"""));
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        var envelopeId = await session.SendEnvelopeAsync("slash_commands", SlashCommandPayload("/help", ""));
        await session.WaitForAckAsync(envelopeId);
        Assert.Single(host.Inbox.Commands);
    }

    [Fact]
    public async Task Link_disabled_stops_socket_mode_with_an_error()
    {
        var (slack, socketMode, host) = await StartAsync();
        await using var _ = slack;
        await using var __ = socketMode;
        await using var ___ = host;
        var first = await socketMode.WaitForSessionAsync(1);

        await first.SendDisconnectAsync("link_disabled");
        await first.WaitUntilEndedAsync();

        await host.Logs.WaitForAsync(log => log.Level == LogLevel.Error && log.Message.Contains("link_disabled", StringComparison.Ordinal));
        Assert.Single(slack.CallsTo("apps.connections.open"));
        Assert.Single(socketMode.Sessions);
    }
}
