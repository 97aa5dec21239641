using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Core.Agents;
using ChatBot.Core.Runs;
using ChatBot.Core.Webhooks;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Webhooks;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Api;

/// <summary>
/// The push/pull webhook-trigger dialect, driven exactly as its reference documentation tells a client to:
/// trigger with X-Webhook-Secret, poll the pollUrl with the jobToken, receive the push payload.
/// </summary>
public sealed class WebhookTriggerTests
{
    private const string Workspace = "T0PUSHPULL";
    private const string TriggerPath = $"/api/v1/workspaces/slack/{Workspace}/query-agent-webhook-trigger";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    private static HttpRequestMessage Trigger(string secret, object body, string path = TriggerPath)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Webhook-Secret", secret);
        return request;
    }

    private static async Task<JsonElement> PollUntilDoneAsync(HttpClient client, string pollUrl, string jobToken)
    {
        JsonElement done = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, pollUrl);
            poll.Headers.Authorization = new("Bearer", jobToken);
            var response = await client.SendAsync(poll);
            done = await response.JsonAsync();
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                Assert.Equal("running", done.GetProperty("status").GetString());
                Assert.NotNull(response.Headers.RetryAfter?.Delta);
                return false;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return true;
        }, what: "the job to finish");
        return done;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_seed_client_triggers_polls_until_completed_and_receives_the_signed_push(StorageKind storage)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // The receiver double listens on loopback, which the egress policy refuses unless allowed by name.
        await using var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?> { ["Egress:AllowedPrivateHosts:0"] = "127.0.0.1" });
        app.ConfigureServices = services => services.AddHttpClient(WebhookDeliveryJob.HttpClientName).ConfigurePrimaryHttpMessageHandler(receiver.CreateTrustingHandler);
        var gate = new TaskCompletionSource();
        app.Agent.Then(async _ =>
        {
            await gate.Task;
            return new AgentCompleted("Listed this week's changes", "3 merges", "Here are the main changes...", 12, [], "test/model");
        });
        var admin = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Admin));
        await admin.PatchAsJsonAsync($"/api/workspace/{Workspace}/admin/settings", new { webhook_allowlist = new[] { new Uri(receiver.BaseUrl, "/hooks/").AbsoluteUri } });
        var signingSecret = (await (await admin.PostAsync($"/api/workspace/{Workspace}/admin/webhook-secret/rotate", null)).JsonAsync()).GetProperty("secret").GetString()!;
        var secret = await app.IssueTokenAsync(Workspace, TokenScopes.Trigger);
        using var client = app.CreateClient();

        // 1. Trigger, with an external URL as the destination.
        var triggered = await client.SendAsync(Trigger(secret, new
        {
            query = "What were the main changes this week?",
            responseDestination = new { webhookUrl = new Uri(receiver.BaseUrl, "/hooks/callback").AbsoluteUri },
            timezone = "America/Los_Angeles",
        }));
        Assert.Equal(HttpStatusCode.Accepted, triggered.StatusCode);
        var accepted = await triggered.JsonAsync();
        Assert.Equal(["jobToken", "pollUrl", "workflowId"], accepted.EnumerateObject().Select(p => p.Name).Order());
        var jobToken = accepted.GetProperty("jobToken").GetString()!;
        var pollUrl = new Uri(accepted.GetProperty("pollUrl").GetString()!);
        Assert.Equal($"/api/v1/workspaces/slack/{Workspace}/query-agent-jobs", pollUrl.AbsolutePath);
        Assert.DoesNotContain(jobToken, pollUrl.ToString());
        var workflowId = accepted.GetProperty("workflowId").GetString()!;

        // 2. Poll while it runs (202 running), then until it is done (200 completed with the response).
        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Id == workflowId && r.Status == RunStatus.Running));
        using (var running = new HttpRequestMessage(HttpMethod.Get, pollUrl.PathAndQuery))
        {
            running.Headers.Authorization = new("Bearer", jobToken);
            var response = await client.SendAsync(running);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("""{"status":"running"}""", await response.Content.ReadAsStringAsync());
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
        }
        gate.SetResult();
        var done = await PollUntilDoneAsync(client, pollUrl.PathAndQuery, jobToken);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("Here are the main changes...", done.GetProperty("response").GetString());

        // 3. The push: the payload's fields, signed with the workspace's Standard Webhooks secret.
        await app.WaitUntilAsync(db => db.WebhookDeliveries.AnyAsync(d => d.RunId == workflowId && d.Status == WebhookDeliveryStatus.Delivered));
        var pushed = Assert.Single(receiver.Received);
        Assert.True(StandardWebhookSignature.Verify(signingSecret, pushed.Id, DateTimeOffset.FromUnixTimeSeconds(long.Parse(pushed.Timestamp)), pushed.Body, pushed.Signature));
        var payload = JsonDocument.Parse(pushed.Body).RootElement;
        Assert.Equal("What were the main changes this week?", payload.GetProperty("query").GetString());
        Assert.Equal("Here are the main changes...", payload.GetProperty("response").GetString());
        Assert.Equal(workflowId, payload.GetProperty("workflowId").GetString());
        await using var db = app.CreateDbContext();
        Assert.Equal("America/Los_Angeles", (await db.Runs.SingleAsync(r => r.Id == workflowId)).Timezone);
    }

    [Fact]
    public async Task A_pull_only_run_that_fails_polls_as_failed_and_a_slack_destination_addresses_the_channel_thread()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent.Then(new AgentFailed("The model provider refused the request", Transient: false, 0, [], "test/model"))
            .Then(new AgentCompleted("Investigated the alert", "root cause found", "The deploy broke the cache.", 3, [], "test/model"));
        var secret = await app.IssueTokenAsync(Workspace, TokenScopes.Trigger);
        using var client = app.CreateClient();

        var pull = await (await client.SendAsync(Trigger(secret, new { query = "What changed?" }))).JsonAsync();
        var failed = await PollUntilDoneAsync(client, new Uri(pull.GetProperty("pollUrl").GetString()!).PathAndQuery, pull.GetProperty("jobToken").GetString()!);
        Assert.Equal("""{"status":"failed"}""", failed.GetRawText());

        // Only a workspace connected to a Slack team may answer in a Slack channel.
        await using (var db = app.CreateDbContext())
        {
            db.BotInstallations.Add(BotInstallation.ConfiguredToken(Core.Chat.ChatPlatform.Slack, Workspace, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var pushed = await (await client.SendAsync(Trigger(secret, new
        {
            query = "Investigate this alert and respond in thread",
            responseDestination = new { slackChannelId = "C0123456789", slackThreadTs = "1234567890.123456" },
        }))).JsonAsync();
        var run = await app.WaitForAsync(db => db.Runs.SingleOrDefaultAsync(r => r.Id == pushed.GetProperty("workflowId").GetString() && r.Status == RunStatus.Succeeded));
        Assert.Equal(Core.Chat.ChatPlatform.Slack, run.Address!.Platform);
        Assert.Equal("C0123456789", run.Address.ChannelId);
        Assert.Equal("1234567890.123456", run.Address.ThreadId);
    }

    [Fact]
    public async Task Every_error_code_the_reference_lists()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent.Then(new AgentCompleted("Done", "", "out", 1, [], null));
        var secret = await app.IssueTokenAsync(Workspace, TokenScopes.Trigger);
        var monitorsOnly = await app.IssueTokenAsync(Workspace, TokenScopes.Monitors);
        var otherWorkspace = await app.IssueTokenAsync("T0ELSEWHERE", TokenScopes.Trigger);
        using var client = app.CreateClient();
        var query = new { query = "What changed?" };

        // Trigger: 401 missing or invalid secret; 403 wrong workspace, scope or unlisted URL; 400 malformed or no query.
        using (var missing = new HttpRequestMessage(HttpMethod.Post, TriggerPath) { Content = JsonContent.Create(query) })
            Assert.Equal("INVALID_TOKEN", await (await client.SendAsync(missing)).ErrorCodeAsync(401));
        Assert.Equal("INVALID_TOKEN", await (await client.SendAsync(Trigger(secret[..^2] + "xx", query))).ErrorCodeAsync(401));
        Assert.Equal("WRONG_WORKSPACE", await (await client.SendAsync(Trigger(otherWorkspace, query))).ErrorCodeAsync(403));
        Assert.Equal("MISSING_SCOPE", await (await client.SendAsync(Trigger(monitorsOnly, query))).ErrorCodeAsync(403));
        Assert.Equal("WEBHOOK_NOT_ALLOWLISTED", await (await client.SendAsync(Trigger(secret,
            new { query = "x", responseDestination = new { webhookUrl = "https://hooks.example.com/x" } }))).ErrorCodeAsync(403));
        Assert.Equal("MISSING_QUERY", await (await client.SendAsync(Trigger(secret, new { responseDestination = new { slackChannelId = "C1" } }))).ErrorCodeAsync(400));
        Assert.Equal("INVALID_FIELD", await (await client.SendAsync(Trigger(secret, new { query = 42 }))).ErrorCodeAsync(400));
        Assert.Equal("INVALID_WORKSPACE_TYPE", await (await client.SendAsync(Trigger(secret, query,
            $"/api/v1/workspaces/github/{Workspace}/query-agent-webhook-trigger"))).ErrorCodeAsync(400));
        Assert.Equal("WRONG_PLATFORM", await (await client.SendAsync(Trigger(secret, new { query = "x", responseDestination = new { slackChannelId = "C1" } },
            $"/api/v1/workspaces/teams/{Workspace}/query-agent-webhook-trigger"))).ErrorCodeAsync(400));
        await using (var db = app.CreateDbContext())
            Assert.Equal(0, await db.Runs.CountAsync());

        // Teams workspaces take the same dialect.
        var teams = await client.SendAsync(Trigger(secret, query, $"/api/v1/workspaces/teams/{Workspace}/query-agent-webhook-trigger"));
        Assert.Equal(HttpStatusCode.Accepted, teams.StatusCode);
        var accepted = await teams.JsonAsync();
        var pollPath = new Uri(accepted.GetProperty("pollUrl").GetString()!).PathAndQuery;
        Assert.Equal($"/api/v1/workspaces/teams/{Workspace}/query-agent-jobs", pollPath);

        // Poll: 401 missing or invalid job token; 403 another workspace's URL; 404 a job that does not exist.
        async Task<HttpResponseMessage> PollAsync(string path, string? bearer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (bearer is not null) request.Headers.Authorization = new("Bearer", bearer);
            return await client.SendAsync(request);
        }
        Assert.Equal("AUTH_REQUIRED", await (await PollAsync(pollPath, null)).ErrorCodeAsync(401));
        Assert.Equal("INVALID_TOKEN", await (await PollAsync(pollPath, "not-a-job-token")).ErrorCodeAsync(401));
        var jobToken = accepted.GetProperty("jobToken").GetString()!;
        Assert.Equal("WRONG_WORKSPACE", await (await PollAsync("/api/v1/workspaces/teams/T0ELSEWHERE/query-agent-jobs", jobToken)).ErrorCodeAsync(403));
        var tokens = app.Services.GetRequiredService<ChatBot.Server.Api.Runs.JobTokens>();
        Assert.Equal("RUN_NOT_FOUND", await (await PollAsync(pollPath, tokens.Issue("run_neverexisted", Workspace))).ErrorCodeAsync(404));
        Assert.Equal("completed", (await PollUntilDoneAsync(client, pollPath, jobToken)).GetProperty("status").GetString());
    }
}
