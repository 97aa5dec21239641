using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Agents;
using ChatBot.Core.Approvals;
using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Users;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Slack.Messaging;
using ChatBot.Testing.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Slack;

/// <summary>
/// The full chat flow through Slack's wire protocol: a signed mention, the approval request with its buttons,
/// a signed click by a workspace admin, and the receipt (success, denial, failure) posted in the thread.
/// </summary>
public sealed class SlackChatFlowTests
{
    private const string SigningSecret = "flow-signing-secret";
    private const string Team = "T0FLOW";
    private const string Channel = "C0OPS";
    private const string BotUser = "U0BOT";
    private const string Admin = "U0LEE";
    private const string MentionTs = "1700000300.000100";

    private static async Task<(ChatBotAppFactory App, HttpClient Client, SlackRequestSigner Signer)> StartAsync(SlackApiDouble slack)
    {
        var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = SlackApiDouble.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        });
        app.ConfigureServices = services => services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        slack.Admins[Admin] = true;
        return (app, app.CreateClient(), new SlackRequestSigner(SigningSecret));
    }

    /// <summary>The admin and a plain member as the role refresh job stores them once it has seen them.</summary>
    private static async Task KnowPeopleAsync(ChatBotAppFactory app)
    {
        await app.KnowUserAsync(ChatPlatform.Slack, Team, Admin, isAdmin: true);
        await app.KnowUserAsync(ChatPlatform.Slack, Team, "U0RANDOM", isAdmin: false);
    }

    private static string Mention(string text) => new JsonObject
    {
        ["type"] = "event_callback",
        ["team_id"] = Team,
        ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..10],
        ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = BotUser, ["is_bot"] = true }),
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0ADA", ["text"] = $"<@{BotUser}> {text}", ["ts"] = MentionTs, ["channel"] = Channel },
    }.ToJsonString();

    private static Dictionary<string, string> Click(string actionId, string approvalId, string messageTs, string user, string triggerId = "1.2.click") => new()
    {
        ["payload"] = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = user, ["username"] = user.ToLowerInvariant(), ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team },
            ["channel"] = new JsonObject { ["id"] = Channel },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = Channel, ["is_ephemeral"] = false },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["thread_ts"] = MentionTs },
            ["trigger_id"] = triggerId,
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = actionId, ["value"] = approvalId }),
        }.ToJsonString(),
    };

    private static AgentNeedsApproval EmailPause => new(
        new PendingToolCall("call_1", "email:send", "{\"to\":\"customer@acme.com\"}", "Send email to customer@acme.com", 30), "[transcript]", 12, ["web:fetch"], "test/model");

    /// <summary>Posts the mention, waits for the approval request with its buttons, and clicks one as <paramref name="user"/>.</summary>
    private static async Task<HttpResponseMessage> MentionAndClickAsync(ChatBotAppFactory app, HttpClient client, SlackRequestSigner signer, SlackApiDouble slack,
        string actionId, string user)
    {
        await KnowPeopleAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(signer.Json("/slack/events", Mention("email the customer the renewal quote")))).StatusCode);
        var request = await slack.WaitForCallAsync("chat.postMessage", c => c.Blocks?.ToJsonString().Contains(ActionIds.Approve) == true);
        Assert.Contains("Send email to customer@acme.com", request.Arg("text") ?? request.Blocks!.ToJsonString());
        Assert.Equal(MentionTs, request.Arg("thread_ts"));
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));
        Assert.Contains(approval.Id, request.Blocks!.ToJsonString());
        return await client.SendAsync(signer.Form("/slack/interactions", Click(actionId, approval.Id, approval.RequestMessageId!, user)));
    }

    [Fact]
    public async Task Mention_then_approval_request_then_an_admin_approves_then_the_success_receipt_is_posted_in_the_thread()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        var (app, client, signer) = await StartAsync(slack);
        await using var _ = app;
        app.Agent.Then(EmailPause).Then(new AgentCompleted("Emailed the renewal quote", "sent to customer@acme.com", "Sent.", 8, ["email:send"], "test/model"));

        var clicked = await MentionAndClickAsync(app, client, signer, slack, ActionIds.Approve, Admin);

        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        var receipt = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.StartsWith("✓ Emailed the renewal quote — sent to customer@acme.com") == true);
        Assert.Equal(MentionTs, receipt.Arg("thread_ts"));
        var decided = await slack.WaitForCallAsync("chat.update", c => c.Blocks?.ToJsonString().Contains(ActionIds.Approve) == false);
        Assert.Contains("Approved by", decided.Arg("text") ?? decided.Blocks!.ToJsonString());
        await using var db = app.CreateDbContext();
        Assert.Equal(RunStatus.Succeeded, (await db.Runs.SingleAsync()).Status);
        Assert.Equal(20, (await db.Runs.SingleAsync()).CreditsUsed);
    }

    [Fact]
    public async Task A_denied_request_ends_the_run_with_a_denial_receipt_naming_who_denied_it()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        var (app, client, signer) = await StartAsync(slack);
        await using var _ = app;
        app.Agent.Then(EmailPause);

        await MentionAndClickAsync(app, client, signer, slack, ActionIds.Deny, Admin);

        var receipt = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.StartsWith("✕ Denied: Send email to customer@acme.com") == true);
        Assert.Equal(MentionTs, receipt.Arg("thread_ts"));
        Assert.Contains("Cancelled by @", receipt.Blocks!.ToJsonString() + receipt.Arg("text"));
        await using var db = app.CreateDbContext();
        Assert.Equal(RunStatus.Denied, (await db.Runs.SingleAsync()).Status);
        Assert.Single(app.Agent.Requests);
    }

    [Fact]
    public async Task A_click_by_someone_who_is_not_an_approver_decides_nothing()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        var (app, client, signer) = await StartAsync(slack);
        await using var _ = app;
        app.Agent.Then(EmailPause);

        var clicked = await MentionAndClickAsync(app, client, signer, slack, ActionIds.Approve, "U0RANDOM");

        Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
        // Only the clicker is told why; the request stays open for an approver.
        var told = await slack.WaitForCallAsync("chat.postEphemeral", c => c.Arg("user") == "U0RANDOM");
        Assert.Contains("approver", told.Arg("text"), StringComparison.OrdinalIgnoreCase);
        await using var db = app.CreateDbContext();
        Assert.Equal(ApprovalStatus.Pending, (await db.Approvals.SingleAsync()).Status);
        Assert.Equal(RunStatus.AwaitingApproval, (await db.Runs.SingleAsync()).Status);
    }

    [Fact]
    public async Task An_admin_click_is_decided_from_the_stored_role_and_slack_is_never_asked_who_clicked()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        var (app, client, signer) = await StartAsync(slack);
        await using var _ = app;
        app.Agent.Then(EmailPause).Then(new AgentCompleted("Emailed the renewal quote", "sent", "Sent.", 8, ["email:send"], "test/model"));
        // Were users.info asked on the click, the click would hang here and the run would never finish.
        var never = new TaskCompletionSource();
        slack.Holds["users.info"] = never.Task;

        try
        {
            var clicked = await MentionAndClickAsync(app, client, signer, slack, ActionIds.Approve, Admin);

            Assert.Equal(HttpStatusCode.OK, clicked.StatusCode);
            await app.WaitUntilAsync(async db => (await db.Runs.SingleAsync()).Status == RunStatus.Succeeded);
            await using var db = app.CreateDbContext();
            Assert.Equal(ApprovalStatus.Approved, (await db.Approvals.SingleAsync()).Status);
            Assert.DoesNotContain(slack.CallsTo("users.info"), c => c.Arg("user") == Admin);
        }
        finally
        {
            never.TrySetResult();
        }
    }

    [Fact]
    public async Task A_first_click_by_someone_not_yet_known_is_answered_at_once_and_their_role_is_looked_up_by_a_job()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        var (app, client, signer) = await StartAsync(slack);
        await using var _ = app;
        app.Agent.Then(EmailPause).Then(new AgentCompleted("Emailed the renewal quote", "sent", "Sent.", 8, ["email:send"], "test/model"));
        const string newcomer = "U0NEWADMIN";
        slack.Admins[newcomer] = true;
        var slackAnswers = new TaskCompletionSource();
        slack.Holds["users.info"] = slackAnswers.Task;

        HttpResponseMessage first;
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(signer.Json("/slack/events", Mention("email the customer the renewal quote")))).StatusCode);
            var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));

            // Slack holds every users.info answer, yet the click is answered: the request never waits for Slack.
            first = await client.SendAsync(signer.Form("/slack/interactions", Click(ActionIds.Approve, approval.Id, approval.RequestMessageId!, newcomer, "1.2.first")));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var told = await slack.WaitForCallAsync("chat.postEphemeral", c => c.Arg("user") == newcomer);
            Assert.Contains("checking your role", told.Arg("text"));
            await using (var db = app.CreateDbContext())
                Assert.Equal(ApprovalStatus.Pending, (await db.Approvals.SingleAsync()).Status);
            await slack.WaitForCallAsync("users.info", c => c.Arg("user") == newcomer);
        }
        finally
        {
            slackAnswers.TrySetResult();
        }

        var known = await app.WaitForAsync(db => db.KnownUsers.SingleOrDefaultAsync(u => u.UserId == newcomer && u.RefreshedAt != null));
        Assert.True(known.IsAdmin);
        await using (var db = app.CreateDbContext())
        {
            var approval = await db.Approvals.SingleAsync();
            var second = await client.SendAsync(signer.Form("/slack/interactions", Click(ActionIds.Approve, approval.Id, approval.RequestMessageId!, newcomer, "1.2.second")));
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }
        await app.WaitUntilAsync(async db => (await db.Runs.SingleAsync()).Status == RunStatus.Succeeded);
        Assert.Single(slack.CallsTo("users.info"), c => c.Arg("user") == newcomer);
    }

    [Fact]
    public async Task A_failed_run_posts_a_failure_receipt_with_its_correlation_id_in_the_thread()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        var (app, client, signer) = await StartAsync(slack);
        await using var _ = app;
        app.Agent.Then(new AgentFailed("Could not reach HubSpot API (502 after 3 retries)", Transient: false, 140, [], "test/model"));

        await client.SendAsync(signer.Json("/slack/events", Mention("sync the CRM")));

        var receipt = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.StartsWith("⚠ Failed: Could not reach HubSpot API") == true);
        Assert.Equal(MentionTs, receipt.Arg("thread_ts"));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Contains(run.CorrelationId, receipt.Blocks!.ToJsonString() + receipt.Arg("text"));
        await app.WaitForAsync(d => d.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
    }
}
