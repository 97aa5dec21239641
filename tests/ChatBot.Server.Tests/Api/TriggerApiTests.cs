using System.Net;
using System.Net.Http.Json;
using System.Text;
using ChatBot.Core.Agents;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Auth;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Server.Api.Runs;
using ChatBot.Server.Api.Trigger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Api;

/// <summary>The trigger API and run status polling: every status code the API documents.</summary>
public sealed class TriggerApiTests
{
    private const string Workspace = "T0TRIGGER";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_trigger_queues_a_run_and_the_poll_url_returns_the_result_and_receipt(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent.Then(new AgentCompleted("Summarized the release notes", "2 breaking changes", "Full notes…", 42, ["web:fetch"], "test/model"));
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));

        var response = await client.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger",
            new { task = "summarize the release notes", timezone = "Europe/Berlin", metadata = new { source = "ci", trigger_id = "build-7" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        var runId = body.GetProperty("run_id").GetString()!;
        Assert.Matches("^run_[a-z0-9]{26}$", runId);
        Assert.Equal("queued", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("estimated_credits").GetInt32() > 0);
        var pollUrl = new Uri(body.GetProperty("poll_url").GetString()!);
        Assert.Equal($"/api/runs/{runId}", pollUrl.AbsolutePath);

        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Id == runId && r.Status == RunStatus.Succeeded));
        using var poller = app.CreateClient(body.GetProperty("job_token").GetString()!);
        var result = await poller.GetAsync(pollUrl.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var finished = await result.JsonAsync();
        Assert.Equal("completed", finished.GetProperty("status").GetString());
        Assert.Equal("Full notes…", finished.GetProperty("response").GetString());
        var receipt = finished.GetProperty("receipt");
        Assert.Equal("run_receipt", receipt.GetProperty("type").GetString());
        Assert.Equal(42, receipt.GetProperty("credits_used").GetInt32());
        Assert.Equal(Workspace, receipt.GetProperty("workspace_id").GetString());
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync(r => r.Id == runId);
        Assert.Equal("Europe/Berlin", run.Timezone);
        Assert.Equal("build-7", run.Metadata["trigger_id"]);
    }

    [Fact]
    public async Task A_running_run_polls_as_202_with_retry_after()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var gate = new TaskCompletionSource();
        app.Agent.Then(async _ =>
        {
            await gate.Task;
            return new AgentCompleted("Done", "", "out", 1, [], null);
        });
        var token = await app.IssueTokenAsync(Workspace, TokenScopes.Trigger);
        using var client = app.CreateClient(token);
        var body = await (await client.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new { task = "slow" })).JsonAsync();
        var runId = body.GetProperty("run_id").GetString()!;
        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Id == runId && r.Status == RunStatus.Running));

        var polled = await client.GetAsync($"/api/runs/{runId}");

        Assert.Equal(HttpStatusCode.Accepted, polled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), polled.Headers.RetryAfter?.Delta);
        var running = await polled.JsonAsync();
        Assert.Equal("running", running.GetProperty("state").GetString());
        // Where it runs and which attempt this is.
        Assert.Equal("test-node-1", running.GetProperty("node").GetString());
        Assert.Equal(1, running.GetProperty("attempts").GetInt32());
        gate.SetResult();
        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Id == runId && r.Status == RunStatus.Succeeded));
        var finished = await (await client.GetAsync($"/api/runs/{runId}")).JsonAsync();
        Assert.Equal("test-node-1", finished.GetProperty("node").GetString());
        Assert.Equal(1, finished.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_run()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent.Then(new AgentCompleted("Done", "", "out", 1, [], null));
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));

        async Task<string> TriggerAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspace/{Workspace}/trigger")
            {
                Content = JsonContent.Create(new { task = "once" }),
            };
            request.Headers.Add("Idempotency-Key", "deploy-123");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("run_id").GetString()!;
        }

        var ids = await Task.WhenAll(TriggerAsync(), TriggerAsync(), TriggerAsync());

        Assert.Single(ids.Distinct());
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Runs.CountAsync());
    }

    [Fact]
    public async Task Authentication_and_authorization_failures()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var token = await app.IssueTokenAsync(Workspace, TokenScopes.Trigger);
        var monitorsOnly = await app.IssueTokenAsync(Workspace, TokenScopes.Monitors);
        var task = new { task = "x" };

        using var anonymous = app.CreateClient();
        Assert.Equal("INVALID_TOKEN", await (await anonymous.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", task)).ErrorCodeAsync(401));
        using var forged = app.CreateClient(token[..^2] + "xx");
        Assert.Equal("INVALID_TOKEN", await (await forged.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", task)).ErrorCodeAsync(401));
        using var client = app.CreateClient(token);
        Assert.Equal("WRONG_WORKSPACE", await (await client.PostAsJsonAsync("/api/workspace/T0OTHER/trigger", task)).ErrorCodeAsync(403));
        using var scoped = app.CreateClient(monitorsOnly);
        Assert.Equal("MISSING_SCOPE", await (await scoped.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", task)).ErrorCodeAsync(403));

        await using (var db = app.CreateDbContext())
        {
            (await db.Workspaces.SingleAsync(w => w.Id == Workspace)).Suspended = true;
            await db.SaveChangesAsync();
        }
        Assert.Equal("WORKSPACE_SUSPENDED", await (await client.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", task)).ErrorCodeAsync(403));
        await using var check = app.CreateDbContext();
        Assert.Equal(0, await check.Runs.CountAsync());
    }

    [Fact]
    public async Task Malformed_requests_are_400_or_415_and_store_nothing()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));
        var url = $"/api/workspace/{Workspace}/trigger";

        Assert.Equal("MISSING_TASK", await (await client.PostAsJsonAsync(url, new { channel = "#x" })).ErrorCodeAsync(400));
        Assert.Equal("MISSING_TASK", await (await client.PostAsJsonAsync(url, new { task = "   " })).ErrorCodeAsync(400));
        Assert.Equal("INVALID_JSON", await (await client.PostAsync(url, new StringContent("{\"task\":", Encoding.UTF8, "application/json"))).ErrorCodeAsync(400));
        Assert.Equal("INVALID_TIMEZONE", await (await client.PostAsJsonAsync(url, new { task = "x", timezone = "Mars/Olympus" })).ErrorCodeAsync(400));
        Assert.Equal("TASK_TOO_LONG", await (await client.PostAsJsonAsync(url, new { task = new string('x', 8001) })).ErrorCodeAsync(400));
        // A bare channel names no platform, and this workspace is connected to none to take it from.
        Assert.Equal("CHANNEL_PLATFORM_UNKNOWN", await (await client.PostAsJsonAsync(url, new { task = "x", channel = "#engineering" })).ErrorCodeAsync(400));
        Assert.Equal("INVALID_WEBHOOK_URL", await (await client.PostAsJsonAsync(url,
            new { task = "x", responseDestination = new { webhookUrl = "http://hooks.example.com/x" } })).ErrorCodeAsync(400));
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", await (await client.PostAsync(url, new StringContent("task=x", Encoding.UTF8, "text/plain"))).ErrorCodeAsync(415));
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Runs.CountAsync());
    }

    [Fact]
    public async Task A_webhook_off_the_allowlist_is_refused()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));

        var response = await client.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger",
            new { task = "x", responseDestination = new { webhookUrl = "https://hooks.example.com/x" } });

        Assert.Equal("WEBHOOK_NOT_ALLOWLISTED", await response.ErrorCodeAsync(403));
    }

    [Fact]
    public async Task Over_the_spend_cap_is_402_naming_the_reset_date()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));
        await using (var db = app.CreateDbContext())
        {
            (await db.Workspaces.SingleAsync(w => w.Id == Workspace)).MonthlySpendCap = 0;
            await db.SaveChangesAsync();
        }

        var response = await client.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new { task = "x" });

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("SPEND_CAP_REACHED", body.GetProperty("code").GetString());
        var resetsAt = body.GetProperty("resets_at").GetDateTimeOffset();
        Assert.Equal(1, resetsAt.Day);
        Assert.True(resetsAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_burst_past_a_hundred_requests_is_429_with_retry_after()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));
        var url = $"/api/workspace/{Workspace}/trigger";

        // Bodies without a task are rejected after the limiter counted them, so no runs pile up. The bucket gives one
        // request back each 0.6 s, so a slow machine sends a few more than a hundred before the first 429.
        HttpResponseMessage? limited = null;
        var accepted = 0;
        while (limited is null && accepted < 3 * TokenRateLimiter.RequestsPerMinute)
        {
            var response = await client.PostAsJsonAsync(url, new { channel = "#x" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
            else accepted++;
        }

        Assert.True(accepted >= TokenRateLimiter.RequestsPerMinute, $"limited after {accepted}");
        Assert.Equal("RATE_LIMITED", await limited!.ErrorCodeAsync(429));
        Assert.NotNull(limited!.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Run_status_refuses_missing_foreign_and_other_run_tokens()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent.Then(new AgentCompleted("A", "", "a", 1, [], null)).Then(new AgentCompleted("B", "", "b", 1, [], null));
        var token = await app.IssueTokenAsync(Workspace, TokenScopes.Trigger);
        var otherWorkspace = await app.IssueTokenAsync("T0ELSEWHERE", TokenScopes.Trigger);
        using var client = app.CreateClient(token);
        var first = await (await client.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new { task = "a" })).JsonAsync();
        var second = await (await client.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new { task = "b" })).JsonAsync();
        var firstId = first.GetProperty("run_id").GetString();

        using var anonymous = app.CreateClient();
        Assert.Equal("AUTH_REQUIRED", await (await anonymous.GetAsync($"/api/runs/{firstId}")).ErrorCodeAsync(401));
        using var garbage = app.CreateClient("not-a-token");
        Assert.Equal("INVALID_TOKEN", await (await garbage.GetAsync($"/api/runs/{firstId}")).ErrorCodeAsync(401));
        using var wrongRun = app.CreateClient(second.GetProperty("job_token").GetString()!);
        Assert.Equal("WRONG_RUN", await (await wrongRun.GetAsync($"/api/runs/{firstId}")).ErrorCodeAsync(403));
        using var foreign = app.CreateClient(otherWorkspace);
        Assert.Equal("WRONG_WORKSPACE", await (await foreign.GetAsync($"/api/runs/{firstId}")).ErrorCodeAsync(403));
        Assert.Equal("RUN_NOT_FOUND", await (await client.GetAsync("/api/runs/run_doesnotexist")).ErrorCodeAsync(404));
        // A job: a job token asking for a run that does not exist is told so, as the seed says.
        Assert.Equal("RUN_NOT_FOUND", await (await wrongRun.GetAsync("/api/runs/run_doesnotexist")).ErrorCodeAsync(404));
        var tokens = app.Services.GetRequiredService<JobTokens>();
        using var unknownRun = app.CreateClient(tokens.Issue("run_neverexisted", Workspace));
        Assert.Equal("RUN_NOT_FOUND", await (await unknownRun.GetAsync("/api/runs/run_neverexisted")).ErrorCodeAsync(404));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_idempotency_key_reused_with_another_body_is_422_and_keys_expire_after_24_hours(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Agent.Then(new AgentCompleted("A", "", "a", 1, [], null)).Then(new AgentCompleted("B", "", "b", 1, [], null));
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));

        async Task<HttpResponseMessage> TriggerAsync(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspace/{Workspace}/trigger")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", "deploy-9");
            return await client.SendAsync(request);
        }

        var first = await TriggerAsync("""{"task":"ship it","metadata":{"source":"ci"}}""");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var runId = (await first.JsonAsync()).GetProperty("run_id").GetString();
        // The same request, spaced and ordered differently, is the same request.
        var retry = await TriggerAsync("""{ "metadata": { "source": "ci" }, "task": "ship it" }""");
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(runId, (await retry.JsonAsync()).GetProperty("run_id").GetString());

        var reused = await TriggerAsync("""{"task":"ship something else"}""");
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", await reused.ErrorCodeAsync(422));
        var message = (await reused.JsonAsync()).GetProperty("error").GetString()!;
        Assert.Contains("Idempotency-Key", message);
        Assert.Contains(runId!, message);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.Runs.CountAsync());
            // A day passes.
            var past = DateTimeOffset.UtcNow - RunTriggers.IdempotencyWindow - TimeSpan.FromMinutes(1);
            await db.InboundDeliveries.Where(d => d.RunId == runId).ExecuteUpdateAsync(u => u.SetProperty(d => d.ReceivedAt, past));
        }

        var afterADay = await TriggerAsync("""{"task":"ship something else"}""");
        Assert.Equal(HttpStatusCode.Accepted, afterADay.StatusCode);
        var secondRunId = (await afterADay.JsonAsync()).GetProperty("run_id").GetString();
        Assert.NotEqual(runId, secondRunId);
        // The key now stands for the new run.
        Assert.Equal(secondRunId, (await (await TriggerAsync("""{"task":"ship something else"}""")).JsonAsync()).GetProperty("run_id").GetString());
        await using var check = app.CreateDbContext();
        Assert.Equal(2, await check.Runs.CountAsync());
    }

    [Fact]
    public async Task Wrongly_typed_fields_are_400_naming_the_json_field_and_the_expected_type()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));
        var url = $"/api/workspace/{Workspace}/trigger";

        foreach (var (body, expected) in new[]
                 {
                     ("""{"task":"x","metadata":{"trigger_id":7}}""", "'metadata.trigger_id' must be a string."),
                     ("""{"task":"x","metadata":{"subscribe_receipts":"yes"}}""", "'metadata.subscribe_receipts' must be true or false."),
                     ("""{"task":"x","metadata":"ci"}""", "'metadata' must be an object."),
                     ("""{"task":["x"]}""", "'task' must be a string."),
                     ("""{"task":"x","responseDestination":{"webhookUrl":{}}}""", "'responseDestination.webhookUrl' must be a string."),
                 })
        {
            var response = await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal("INVALID_FIELD", await response.ErrorCodeAsync(400));
            var message = (await response.JsonAsync()).GetProperty("error").GetString();
            Assert.Equal(expected, message);
        }
        var admin = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Admin));
        var scopes = await admin.PostAsync($"/api/workspace/{Workspace}/admin/tokens", new StringContent("""{"name":"ci","scopes":"trigger"}""", Encoding.UTF8, "application/json"));
        Assert.Equal("INVALID_FIELD", await scopes.ErrorCodeAsync(400));
        Assert.Equal("'scopes' must be an array.", (await scopes.JsonAsync()).GetProperty("error").GetString());
        var cap = await admin.PatchAsync($"/api/workspace/{Workspace}/admin/settings", new StringContent("""{"monthly_spend_cap":"lots"}""", Encoding.UTF8, "application/json"));
        Assert.Equal("'monthly_spend_cap' must be a whole number.", (await cap.JsonAsync()).GetProperty("error").GetString());
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Runs.CountAsync());
    }
}
