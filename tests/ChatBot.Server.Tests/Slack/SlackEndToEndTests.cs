using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Agents;
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
/// The whole server behind Slack: signed requests in, the real inbox, jobs and database in the middle, and the
/// Web API calls out to the local Slack double. Only the agent is scripted.
/// </summary>
public sealed class SlackEndToEndTests
{
    private const string SigningSecret = "e2e-signing-secret";
    private const string Team = "T0E2E";
    private const string Channel = "C0GENERAL";
    private const string BotUser = "U0BOT";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    private static async Task<ChatBotAppFactory> CreateAppAsync(StorageKind storage, SlackApiDouble slack)
    {
        var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = SlackApiDouble.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        });
        // The factory swaps every messenger for a recorder; put the real Slack one back so posts reach the double.
        app.ConfigureServices = services => services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        return app;
    }

    private static string Mention(string eventId, string text, string ts) => new JsonObject
    {
        ["type"] = "event_callback",
        ["team_id"] = Team,
        ["event_id"] = eventId,
        ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = BotUser, ["is_bot"] = true }),
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0ADA", ["text"] = text, ["ts"] = ts, ["channel"] = Channel },
    }.ToJsonString();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_signed_mention_runs_the_agent_and_the_answer_and_receipt_are_posted_in_its_thread(StorageKind storage)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var app = await CreateAppAsync(storage, slack);
        app.Agent.Then(new AgentCompleted("Checked the status page", "all green", "All **systems** operational.", 7, ["web:fetch"], "test/model"));
        var client = app.CreateClient();
        var signer = new SlackRequestSigner(SigningSecret);

        var response = await client.SendAsync(signer.Json("/slack/events", Mention("EvE2E1", $"<@{BotUser}> is the status page green?", "1700000100.000100")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
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
        // Every Web API call is counted for the metrics scrape.
        var metrics = await client.GetStringAsync("/prometheus");
        Assert.Matches(@"chatbot_platform_api_calls_total\{otel_scope_name=""ChatBot"",outcome=""ok"",platform=""slack""\} [2-9]", metrics);
    }

    [Fact]
    public async Task A_retried_event_delivery_starts_only_one_run()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var app = await CreateAppAsync(StorageKind.Sqlite, slack);
        app.Agent.Then(new AgentCompleted("Done", "ok", "Done.", 1, [], "test/model"));
        var client = app.CreateClient();
        var signer = new SlackRequestSigner(SigningSecret);
        var body = Mention("EvRETRY", $"<@{BotUser}> do the thing", "1700000200.000100");

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(signer.Json("/slack/events", body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(signer.Json("/slack/events", body))).StatusCode);

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Runs.CountAsync());
    }

    [Fact]
    public async Task A_signed_monitor_command_is_acked_ephemerally_and_its_root_message_is_posted_in_the_channel()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var app = await CreateAppAsync(StorageKind.Sqlite, slack);
        app.Checker.ThenNothing();
        var client = app.CreateClient();
        var signer = new SlackRequestSigner(SigningSecret);

        var response = await client.SendAsync(signer.Form("/slack/commands", new Dictionary<string, string>
        {
            ["team_id"] = Team, ["channel_id"] = Channel, ["user_id"] = "U0ADA", ["user_name"] = "ada",
            ["command"] = "/monitor", ["text"] = "https://example.com/changelog", ["trigger_id"] = "1.2.monitor",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());
        Assert.Contains("Monitoring", ack["text"]!.GetValue<string>());
        var root = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains("cancelmonitor") == true);
        Assert.Equal(Channel, root.Arg("channel"));
        Assert.Null(root.Arg("thread_ts"));
        await using var db = app.CreateDbContext();
        var monitor = await db.Monitors.SingleAsync();
        Assert.Equal("https://example.com/changelog", monitor.Query);
        await app.WaitUntilAsync(d => d.Monitors.AnyAsync(m => m.ThreadId != null));
    }

    [Fact]
    public async Task A_signed_help_command_is_answered_ephemerally_by_the_real_inbox()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var app = await CreateAppAsync(StorageKind.Sqlite, slack);
        var client = app.CreateClient();
        var signer = new SlackRequestSigner(SigningSecret);

        var response = await client.SendAsync(signer.Form("/slack/commands", new Dictionary<string, string>
        {
            ["team_id"] = Team, ["channel_id"] = Channel, ["user_id"] = "U0ADA", ["user_name"] = "ada",
            ["command"] = "/help", ["text"] = "", ["trigger_id"] = "1.2.help",
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ephemeral", body["response_type"]!.GetValue<string>());
        Assert.Contains("/monitor &lt;query&gt;", body["text"]!.GetValue<string>());
        Assert.NotEmpty(body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task Without_slack_settings_the_server_starts_and_slack_endpoints_answer_503()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var client = app.CreateClient();

        var health = await client.GetAsync("/health");
        var response = await client.SendAsync(new SlackRequestSigner("anything").Json("/slack/events", """{"type":"url_verification","challenge":"c"}"""));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("SLACK_NOT_CONFIGURED", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
    }
}
