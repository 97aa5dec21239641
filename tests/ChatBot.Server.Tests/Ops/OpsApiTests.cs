using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using ChatBot.Core.Agents;
using ChatBot.Core.Monitors;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Jobs.Scheduling;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Ops;

/// <summary>The ops API: Basic auth rules, dashboard, run timeline, run/monitor/worker actions and the Prometheus scrape.</summary>
public sealed class OpsApiTests
{
    private static readonly Dictionary<string, string?> FastHeartbeat = new()
    {
        ["Jobs:HeartbeatInterval"] = "00:00:00.200",
        ["Jobs:StatisticsRefreshInterval"] = "00:00:00.200",
    };

    private static HttpClient Ops(ChatBotAppFactory app)
    {
        var client = app.CreateClient();
        client.UseOpsCredentials();
        return client;
    }

    [Theory]
    [InlineData(null, "AUTH_REQUIRED")]
    [InlineData("ops:wrong-password", "AUTH_FAILED")]
    [InlineData("someone:test-ops-password", "AUTH_FAILED")]
    public async Task Ops_endpoints_refuse_missing_or_wrong_credentials_with_a_basic_challenge(string? credentials, string code)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var client = app.CreateClient();
        if (credentials is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

        foreach (var response in new[] { await client.GetAsync("/api/dashboard"), await client.PostAsync("/api/ops/monitors/x/pause", null), await client.GetAsync("/hangfire") })
        {
            Assert.Equal(code, await response.ErrorCodeAsync(401));
            Assert.Equal("Basic realm=\"ChatBot\"", response.Headers.WwwAuthenticate.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/prometheus")).StatusCode);
    }

    [Theory]
    [InlineData(StorageKind.Sqlite)]
    [InlineData(StorageKind.Postgres)]
    public async Task The_dashboard_shows_this_node_the_runs_credits_and_spend_and_the_timeline_tells_a_runs_story(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage, FastHeartbeat);
        app.Agent.Then(new AgentCompleted("Checked the deploy", "all green", "Deploy 7 is healthy.", 42, ["http:request"], "test/model"));
        var client = Ops(app);
        await app.SendAsync(Inputs.Task("check the deploy"));
        var receipt = await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await app.WaitUntilAsync(db => db.WorkerNodes.AnyAsync());

        var dashboard = await (await client.GetAsync("/api/dashboard")).JsonAsync();

        Assert.Equal("healthy", dashboard.GetProperty("status").GetString());
        var node = Assert.Single(dashboard.GetProperty("nodes").EnumerateArray());
        Assert.Equal("test-node-1", node.GetProperty("id").GetString());
        Assert.Equal("active", node.GetProperty("state").GetString());
        Assert.True(node.GetProperty("is_this_node").GetBoolean());
        Assert.Equal(1, dashboard.GetProperty("runs_by_state").GetProperty("succeeded").GetInt64());
        Assert.Equal(42, dashboard.GetProperty("credits_total").GetInt64());
        Assert.Equal(42, dashboard.GetProperty("credits_by_window").GetProperty("24h").GetInt64());
        Assert.Equal(42, dashboard.GetProperty("spend_by_workspace").GetProperty(Inputs.Channel.WorkspaceId).GetInt64());
        var recent = Assert.Single(dashboard.GetProperty("recent_runs").EnumerateArray());
        Assert.Equal(receipt.RunId, recent.GetProperty("run_id").GetString());

        var timeline = await (await client.GetAsync($"/api/timeline/runs/{receipt.RunId}")).JsonAsync();
        Assert.Equal("succeeded", timeline.GetProperty("current_state").GetString());
        Assert.Equal(["queued", "started", "succeeded", "receipt_posted"], timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("Deploy 7 is healthy.", timeline.GetProperty("output").GetString());
        Assert.Equal("RUN_NOT_FOUND", await (await client.GetAsync("/api/timeline/runs/run_nope")).ErrorCodeAsync(404));
    }

    [Fact]
    public async Task A_run_waiting_for_approval_can_be_canceled_with_a_receipt_and_a_failed_run_retried_as_a_new_run()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent
            .Then(new AgentNeedsApproval(new PendingToolCall("call_1", "email:send", "{}", "Send email to customer@acme.com", 30), "[t]", 0, [], "test/model"))
            .Then(new AgentFailed("Could not reach the CRM", Transient: false, 3, [], "test/model"))
            .Then(new AgentCompleted("Synced the CRM", "12 contacts", "Done.", 5, [], "test/model"));
        var client = Ops(app);

        await app.SendAsync(Inputs.Task("email the customer"));
        var waiting = await app.WaitForAsync(db => db.Runs.SingleOrDefaultAsync(r => r.Status == RunStatus.AwaitingApproval));
        var canceled = await client.PostAsync($"/api/ops/runs/{waiting.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        await app.WaitUntilAsync(db => db.Receipts.AnyAsync(r => r.RunId == waiting.Id && r.Status == ReceiptDeliveryStatus.Delivered));
        Assert.Equal("RUN_FINISHED", await (await client.PostAsync($"/api/ops/runs/{waiting.Id}/cancel", null)).ErrorCodeAsync(409));

        await app.SendAsync(Inputs.Task("sync the CRM"));
        var failed = await app.WaitForAsync(db => db.Runs.SingleOrDefaultAsync(r => r.Status == RunStatus.Failed));
        var retried = await client.PostAsync($"/api/ops/runs/{failed.Id}/retry", null);

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var retryId = (await retried.JsonAsync()).GetProperty("run_id").GetString();
        var retry = await app.WaitForAsync(db => db.Runs.SingleOrDefaultAsync(r => r.Id == retryId && r.Status == RunStatus.Succeeded));
        Assert.Equal("sync the CRM", retry.Request);
        Assert.Equal(failed.Id, retry.Metadata["retry_of"]);
        Assert.Equal("RUN_NOT_RETRYABLE", await (await client.PostAsync($"/api/ops/runs/{retryId}/retry", null)).ErrorCodeAsync(409));
        Assert.Equal("RUN_NOT_FOUND", await (await client.PostAsync("/api/ops/runs/run_nope/retry", null)).ErrorCodeAsync(404));
    }

    [Fact]
    public async Task Monitors_can_be_paused_resumed_run_now_and_canceled()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, FastHeartbeat);
        app.Checker.ThenNothing().ThenDetect("v2 released", "https://example.com/changelog");
        var client = Ops(app);
        await app.SendAsync(Inputs.Command(new Core.Commands.CreateMonitorCommand(Cadence.Daily, "https://example.com/changelog")));
        var monitor = await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.LastRunAt != null));

        Assert.Equal("paused", (await (await client.PostAsync($"/api/ops/monitors/{monitor.Id}/pause", null)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("MONITOR_NOT_ACTIVE", await (await client.PostAsync($"/api/ops/monitors/{monitor.Id}/run-now", null)).ErrorCodeAsync(409));
        Assert.Equal("active", (await (await client.PostAsync($"/api/ops/monitors/{monitor.Id}/resume", null)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/ops/monitors/{monitor.Id}/run-now", null)).StatusCode);
        await app.WaitUntilAsync(db => db.MonitorEvents.AnyAsync(e => e.MonitorId == monitor.Id && e.Type == MonitorEventType.Event));
        // Each check counts once by outcome: the quiet first check and the one that detected something.
        await app.WaitUntilAsync(async _ =>
        {
            var metrics = await client.GetStringAsync("/prometheus");
            return metrics.Contains("chatbot_monitor_runs_total{otel_scope_name=\"ChatBot\",outcome=\"completion\"} 1")
                && metrics.Contains("chatbot_monitor_runs_total{otel_scope_name=\"ChatBot\",outcome=\"event\"} 1");
        });
        Assert.Equal("canceled", (await (await client.PostAsync($"/api/ops/monitors/{monitor.Id}/cancel", null)).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("INVALID_TRANSITION", await (await client.PostAsync($"/api/ops/monitors/{monitor.Id}/resume", null)).ErrorCodeAsync(409));
        Assert.Equal("UNKNOWN_ACTION", await (await client.PostAsync($"/api/ops/monitors/{monitor.Id}/explode", null)).ErrorCodeAsync(404));
    }

    [Fact]
    public async Task A_drained_node_takes_no_new_work_until_it_is_undrained()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, FastHeartbeat);
        var client = Ops(app);
        await app.WaitUntilAsync(db => db.WorkerNodes.AnyAsync());

        var drained = await client.PostAsJsonAsync("/api/ops/workers/test-node-1/drain", new { drain = true });
        Assert.True((await drained.JsonAsync()).GetProperty("draining").GetBoolean());
        await app.WaitUntilAsync(async _ => (await (await client.GetAsync("/api/dashboard")).JsonAsync())
            .GetProperty("nodes")[0].GetProperty("state").GetString() == "draining");
        // The next heartbeat stops the node's job server: from then on nothing here can start a job.
        var server = app.Services.GetRequiredService<JobServerHost>();
        await app.WaitUntilAsync(_ => Task.FromResult(!server.IsTakingJobs));
        await app.SendAsync(Inputs.Task("while draining"));
        await using (var db = app.CreateDbContext())
            Assert.Equal(RunStatus.Queued, (await db.Runs.SingleAsync()).Status);
        // Its job waits in the store for a node that takes jobs.
        Assert.Equal(1, app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default"));

        await client.PostAsJsonAsync("/api/ops/workers/test-node-1/drain", new { drain = false });

        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Status == RunStatus.Succeeded));
        Assert.Equal("INVALID_BODY", await (await client.PostAsJsonAsync("/api/ops/workers/test-node-1/drain", new { })).ErrorCodeAsync(400));
        Assert.Equal("NODE_NOT_FOUND", await (await client.PostAsJsonAsync("/api/ops/workers/nobody/drain", new { drain = true })).ErrorCodeAsync(404));
    }

    [Fact]
    public async Task With_ops_credentials_set_the_dashboard_pages_and_files_need_them_too()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var anonymous = app.CreateClient();
        using var client = Ops(app);

        foreach (var path in new[] { "/", "/index.html", "/dashboard/dashboard.js", "/runs/run_abc" })
        {
            var refused = await anonymous.GetAsync(path);
            Assert.Equal("AUTH_REQUIRED", await refused.ErrorCodeAsync(401));
            Assert.Equal("Basic realm=\"ChatBot\"", refused.Headers.WwwAuthenticate.ToString());
            var served = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }
        Assert.Equal("text/html", (await client.GetAsync("/")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Drain_answers_ok_at_the_seed_path_too_and_its_validation_errors_name_the_field()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, FastHeartbeat);
        var client = Ops(app);
        await app.WaitUntilAsync(db => db.WorkerNodes.AnyAsync());

        foreach (var path in new[] { "/api/workers/test-node-1/drain", "/api/ops/workers/test-node-1/drain" })
        {
            var drained = await (await client.PostAsJsonAsync(path, new { drain = true })).JsonAsync();
            Assert.True(drained.GetProperty("ok").GetBoolean());
            Assert.True(drained.GetProperty("draining").GetBoolean());
            var resumed = await (await client.PostAsJsonAsync(path, new { drain = false })).JsonAsync();
            Assert.True(resumed.GetProperty("ok").GetBoolean());
            Assert.False(resumed.GetProperty("draining").GetBoolean());
        }

        var yes = await client.PostAsync("/api/workers/test-node-1/drain", new StringContent("""{"drain":"yes"}""", Encoding.UTF8, "application/json"));
        Assert.Equal("INVALID_FIELD", await yes.ErrorCodeAsync(400));
        Assert.Equal("'drain' must be true or false.", (await yes.JsonAsync()).GetProperty("error").GetString());
        var missing = await client.PostAsJsonAsync("/api/workers/test-node-1/drain", new { });
        Assert.Equal("INVALID_BODY", await missing.ErrorCodeAsync(400));
        Assert.StartsWith("Missing required boolean field: drain", (await missing.JsonAsync()).GetProperty("error").GetString());
        Assert.Equal("INVALID_JSON", await (await client.PostAsync("/api/workers/test-node-1/drain", new StringContent("{", Encoding.UTF8, "application/json"))).ErrorCodeAsync(400));
        using var anonymous = app.CreateClient();
        Assert.Equal("AUTH_REQUIRED", await (await anonymous.PostAsJsonAsync("/api/workers/test-node-1/drain", new { drain = true })).ErrorCodeAsync(401));
        await using var db = app.CreateDbContext();
        Assert.False((await db.WorkerNodes.SingleAsync()).Draining);
    }

    [Fact]
    public async Task The_prometheus_scrape_exposes_runs_by_state_credits_and_job_pickup_latency()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, FastHeartbeat);
        app.Agent.Then(new AgentCompleted("Answered", "done", "ok", 7, [], "test/model"));
        var client = app.CreateClient();
        await app.SendAsync(Inputs.Task("hello"));
        await app.WaitUntilAsync(db => db.Receipts.AnyAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));

        string text = "";
        await app.WaitUntilAsync(async _ =>
        {
            text = await client.GetStringAsync("/prometheus");
            // The counts refresh in the background; wait for the refresh that saw the receipt delivered.
            return text.Contains("chatbot_runs{otel_scope_name=\"ChatBot\",state=\"succeeded\"} 1")
                && text.Contains("chatbot_receipts_total{otel_scope_name=\"ChatBot\",delivery=\"delivered\"} 1")
                && text.Contains("chatbot_credits_total{otel_scope_name=\"ChatBot\"} 7");
        });

        Assert.Contains("chatbot_credits_total{otel_scope_name=\"ChatBot\"} 7", text);
        Assert.Contains("# TYPE chatbot_job_pickup_latency_seconds histogram", text);
        Assert.Matches(@"chatbot_job_pickup_latency_seconds_count\{otel_scope_name=""ChatBot""\} [1-9]", text);
    }

    [Fact]
    public async Task Two_hosts_in_one_process_each_scrape_only_their_own_counts()
    {
        await using var first = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, FastHeartbeat);
        await using var second = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, FastHeartbeat);
        first.Agent.Then(new AgentCompleted("First", "done", "ok", 3, [], "test/model"));
        second.Agent.Then(new AgentCompleted("Second", "done", "ok", 5, [], "test/model"));
        await first.SendAsync(Inputs.Task("one"));
        await second.SendAsync(Inputs.Task("two"));

        foreach (var (app, credits) in new[] { (first, 3), (second, 5) })
        {
            var client = app.CreateClient();
            await app.WaitUntilAsync(async _ => (await client.GetStringAsync("/prometheus")).Contains($"chatbot_credits_total{{otel_scope_name=\"ChatBot\"}} {credits}"));
            // Several scrapes, so a leaked callback from the other host would have had its chance to show.
            for (var i = 0; i < 5; i++)
            {
                var text = await client.GetStringAsync("/prometheus");
                Assert.Contains($"chatbot_credits_total{{otel_scope_name=\"ChatBot\"}} {credits}\n", text);
                Assert.Single(text.Split('\n'), line => line.StartsWith("chatbot_credits_total{"));
                await Task.Delay(350);
            }
        }
    }
}
