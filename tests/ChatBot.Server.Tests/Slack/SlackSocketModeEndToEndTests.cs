using System.Text.Json.Nodes;
using ChatBot.Core.Agents;
using ChatBot.Core.Approvals;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Slack.Messaging;
using ChatBot.Testing.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Slack;

/// <summary>
/// The whole server behind Slack Socket Mode: no public URL and no signing secret, only <c>Slack__AppToken</c>.
/// Envelopes arrive over the WebSocket double, pass the real inbox, jobs and database, and the Web API calls go
/// out to the Slack double. Only the agent is scripted.
/// </summary>
public sealed class SlackSocketModeEndToEndTests
{
    private const string Team = "T0SOCK";
    private const string Channel = "C0GENERAL";
    private const string BotUser = "U0BOT";
    private const string Admin = "U0LEE";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    /// <summary>The app with Socket Mode on, started, and its first connection open.</summary>
    private static async Task<(ChatBotAppFactory App, SlackSocketModeSession Session)> StartAsync(StorageKind storage, SlackApiDouble slack, SlackSocketModeDouble socketMode)
    {
        var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = SlackApiDouble.AppToken,
            ["Slack:BotToken"] = SlackApiDouble.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:SocketReconnectDelay"] = "00:00:00.050",
        });
        // The factory swaps every messenger for a recorder; put the real Slack one back so posts reach the double.
        app.ConfigureServices = services => services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        // The host, and with it the Socket Mode client, starts on first use.
        _ = app.Services;
        return (app, await socketMode.WaitForSessionAsync(1));
    }

    private static JsonObject Mention(string eventId, string text, string ts) => new()
    {
        ["type"] = "event_callback",
        ["team_id"] = Team,
        ["api_app_id"] = "A0DOUBLE",
        ["event_id"] = eventId,
        ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = BotUser, ["is_bot"] = true }),
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0ADA", ["text"] = $"<@{BotUser}> {text}", ["ts"] = ts, ["channel"] = Channel },
    };

    private static JsonObject SlashCommand(string command, string text, string triggerId) => new()
    {
        ["team_id"] = Team, ["team_domain"] = "acme", ["channel_id"] = Channel, ["channel_name"] = "general",
        ["user_id"] = "U0ADA", ["user_name"] = "ada", ["command"] = command, ["text"] = text,
        ["api_app_id"] = "A0DOUBLE", ["is_enterprise_install"] = "false", ["trigger_id"] = triggerId,
    };

    private static JsonObject Click(string actionId, string approvalId, string messageTs, string threadTs, string user) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = Team },
        ["team"] = new JsonObject { ["id"] = Team },
        ["channel"] = new JsonObject { ["id"] = Channel },
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = Channel, ["is_ephemeral"] = false },
        ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["thread_ts"] = threadTs },
        ["trigger_id"] = "7.8.socketclick",
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["value"] = approvalId }),
    };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_mention_envelope_runs_the_agent_and_the_answer_and_receipt_are_posted_in_its_thread(StorageKind storage)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var socketMode = await SlackSocketModeDouble.StartAsync(slack);
        var (app, session) = await StartAsync(storage, slack, socketMode);
        await using var _ = app;
        app.Agent.Then(new AgentCompleted("Checked the status page", "all green", "All **systems** operational.", 7, ["web:fetch"], "test/model"));

        var envelopeId = await session.SendEnvelopeAsync("events_api", Mention("EvSOCK1", "is the status page green?", "1700000100.000100"));
        var ack = await session.WaitForAckAsync(envelopeId);

        Assert.Equal(envelopeId, ack["envelope_id"]!.GetValue<string>());
        var answer = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text") == "All *systems* operational.");
        Assert.Equal(Channel, answer.Arg("channel"));
        Assert.Equal("1700000100.000100", answer.Arg("thread_ts"));
        Assert.Equal("Bearer " + SlackApiDouble.BotToken, answer.Authorization);
        var receipt = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.StartsWith("✓ Checked the status page") == true);
        Assert.Equal("1700000100.000100", receipt.Arg("thread_ts"));
        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal("is the status page green?", run.Request);
        Assert.Equal(Team, run.WorkspaceId);
        Assert.Equal(RunSource.Slack, run.Source);
    }

    [Fact]
    public async Task A_redelivered_event_envelope_starts_only_one_run()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var socketMode = await SlackSocketModeDouble.StartAsync(slack);
        var (app, session) = await StartAsync(StorageKind.Sqlite, slack, socketMode);
        await using var _ = app;
        app.Agent.Then(new AgentCompleted("Done", "ok", "Done.", 1, [], "test/model"));
        var mention = Mention("EvSOCKRETRY", "do the thing", "1700000200.000100");

        var first = await session.SendEnvelopeAsync("events_api", mention);
        await session.WaitForAckAsync(first);
        // Slack redelivers under a new envelope id when it thinks the ack was late; the event id stays.
        var retry = await session.SendEnvelopeAsync("events_api", mention, retryAttempt: 1);
        await session.WaitForAckAsync(retry);

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Runs.CountAsync());
        Assert.Single(app.Agent.Requests);
    }

    [Fact]
    public async Task A_monitor_command_envelope_is_acked_with_the_ephemeral_answer_and_the_monitor_is_stored_and_announced()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var socketMode = await SlackSocketModeDouble.StartAsync(slack);
        var (app, session) = await StartAsync(StorageKind.Sqlite, slack, socketMode);
        await using var _ = app;
        app.Checker.ThenNothing();

        var envelopeId = await session.SendEnvelopeAsync("slash_commands", SlashCommand("/monitor", "https://example.com/changelog", "1.2.socketmonitor"), acceptsResponsePayload: true);
        var ack = await session.WaitForAckAsync(envelopeId);

        var payload = ack["payload"]!;
        Assert.Equal("ephemeral", payload["response_type"]!.GetValue<string>());
        Assert.Contains("Monitoring", payload["text"]!.GetValue<string>());
        Assert.NotEmpty(payload["blocks"]!.AsArray());
        await using (var db = app.CreateDbContext())
        {
            var monitor = await db.Monitors.SingleAsync();
            Assert.Equal("https://example.com/changelog", monitor.Query);
        }
        var root = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains("cancelmonitor") == true);
        Assert.Equal(Channel, root.Arg("channel"));
        await app.WaitUntilAsync(d => d.Monitors.AnyAsync(m => m.ThreadId != null));
    }

    [Fact]
    public async Task An_approve_click_envelope_decides_the_approval_and_the_run_finishes_with_its_receipt()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var socketMode = await SlackSocketModeDouble.StartAsync(slack);
        slack.Admins[Admin] = true;
        var (app, session) = await StartAsync(StorageKind.Sqlite, slack, socketMode);
        await using var _ = app;
        await app.KnowUserAsync(ChatBot.Core.Chat.ChatPlatform.Slack, Team, Admin, isAdmin: true);
        app.Agent
            .Then(new AgentNeedsApproval(new PendingToolCall("call_1", "email:send", "{\"to\":\"customer@acme.com\"}", "Send email to customer@acme.com", 30),
                "[transcript]", 12, ["web:fetch"], "test/model"))
            .Then(new AgentCompleted("Emailed the renewal quote", "sent to customer@acme.com", "Sent.", 8, ["email:send"], "test/model"));
        const string mentionTs = "1700000300.000100";

        await session.WaitForAckAsync(await session.SendEnvelopeAsync("events_api", Mention("EvSOCKAPPROVE", "email the customer the renewal quote", mentionTs)));
        var request = await slack.WaitForCallAsync("chat.postMessage", c => c.Blocks?.ToJsonString().Contains(ActionIds.Approve) == true);
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));
        Assert.Contains(approval.Id, request.Blocks!.ToJsonString());
        var click = await session.SendEnvelopeAsync("interactive", Click(ActionIds.Approve, approval.Id, approval.RequestMessageId!, mentionTs, Admin), acceptsResponsePayload: false);
        var ack = await session.WaitForAckAsync(click);

        Assert.Null(ack["payload"]);
        var receipt = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.StartsWith("✓ Emailed the renewal quote") == true);
        Assert.Equal(mentionTs, receipt.Arg("thread_ts"));
        var decided = await slack.WaitForCallAsync("chat.update", c => c.Blocks?.ToJsonString().Contains(ActionIds.Approve) == false);
        Assert.Contains("Approved by", decided.Arg("text") ?? decided.Blocks!.ToJsonString());
        await using var db = app.CreateDbContext();
        Assert.Equal(ApprovalStatus.Approved, (await db.Approvals.SingleAsync()).Status);
        Assert.Equal(RunStatus.Succeeded, (await db.Runs.SingleAsync()).Status);
    }

    [Fact]
    public async Task After_a_disconnect_the_bot_reconnects_and_the_next_mention_is_answered()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var socketMode = await SlackSocketModeDouble.StartAsync(slack);
        var (app, first) = await StartAsync(StorageKind.Sqlite, slack, socketMode);
        await using var _ = app;
        app.Agent.Then(new AgentCompleted("Done", "ok", "Answered after the reconnect.", 1, [], "test/model"));

        await first.SendDisconnectAsync("refresh_requested");
        var second = await socketMode.WaitForSessionAsync(2);
        await first.WaitUntilEndedAsync();
        await second.WaitForAckAsync(await second.SendEnvelopeAsync("events_api", Mention("EvSOCKAFTER", "still there?", "1700000400.000100")));

        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
        var answer = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text") == "Answered after the reconnect.");
        Assert.Equal("1700000400.000100", answer.Arg("thread_ts"));
    }
}
