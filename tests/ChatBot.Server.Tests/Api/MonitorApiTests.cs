using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Monitors;
using ChatBot.Core.Webhooks;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Webhooks;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Testing.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Api;

/// <summary>The Monitor API v1alpha as its OpenAPI document describes it: x-api-key, shapes, status codes, error body.</summary>
public sealed class MonitorApiTests
{
    private const string Workspace = "T0MONAPI";

    // The webhook receiver double listens on loopback, which the egress policy refuses unless the host is allowed.
    private static readonly Dictionary<string, string?> LoopbackReceiverAllowed = new() { ["Egress:AllowedPrivateHosts:0"] = "127.0.0.1" };

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    private static async Task<HttpClient> ClientAsync(ChatBotAppFactory app, params string[] scopes)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", await app.IssueTokenAsync(Workspace, scopes.Length == 0 ? [TokenScopes.Monitors] : scopes));
        return client;
    }

    private static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("error", body.GetProperty("type").GetString());
        Assert.StartsWith(message, body.GetProperty("error").GetProperty("message").GetString());
        Assert.StartsWith("mr_", body.GetProperty("error").GetProperty("ref_id").GetString());
        return body;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_monitor_is_created_runs_once_at_once_and_can_be_read_listed_updated_and_deleted(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Checker.ThenDetect("Acme raised a Series B", "https://news.example/acme");
        var client = await ClientAsync(app);

        var created = await client.PostAsJsonAsync("/v1alpha/monitors", new
        {
            query = "Extract recent news about AI",
            cadence = "daily",
            metadata = new { slack_thread_id = "1234567890.123456" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var monitor = await created.JsonAsync();
        var id = monitor.GetProperty("monitor_id").GetString()!;
        Assert.Equal("Extract recent news about AI", monitor.GetProperty("query").GetString());
        Assert.Equal("active", monitor.GetProperty("status").GetString());
        Assert.Equal("daily", monitor.GetProperty("cadence").GetString());
        Assert.Equal("1234567890.123456", monitor.GetProperty("metadata").GetProperty("slack_thread_id").GetString());
        Assert.True(monitor.GetProperty("created_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));

        await app.WaitUntilAsync(db => db.MonitorEvents.AnyAsync(e => e.MonitorId == id));
        var events = (await (await client.GetAsync($"/v1alpha/monitors/{id}/events")).JsonAsync()).GetProperty("events");
        var detected = Assert.Single(events.EnumerateArray());
        Assert.Equal("event", detected.GetProperty("type").GetString());
        Assert.Equal("Acme raised a Series B", detected.GetProperty("output").GetString());
        Assert.Equal(["https://news.example/acme"], detected.GetProperty("source_urls").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("text", detected.GetProperty("result").GetProperty("type").GetString());
        Assert.Equal("Acme raised a Series B", detected.GetProperty("result").GetProperty("content").GetString());
        var groupId = detected.GetProperty("event_group_id").GetString()!;
        var group = await (await client.GetAsync($"/v1alpha/monitors/{id}/event_groups/{groupId}")).JsonAsync();
        Assert.Equal(groupId, Assert.Single(group.GetProperty("events").EnumerateArray()).GetProperty("event_group_id").GetString());

        var fetched = await (await client.GetAsync($"/v1alpha/monitors/{id}")).JsonAsync();
        Assert.NotEqual(JsonValueKind.Null, fetched.GetProperty("last_run_at").ValueKind);

        var patched = await client.PatchAsJsonAsync($"/v1alpha/monitors/{id}", new { cadence = "weekly", metadata = new { team = "product" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var updated = await patched.JsonAsync();
        Assert.Equal("weekly", updated.GetProperty("cadence").GetString());
        Assert.Equal("product", updated.GetProperty("metadata").GetProperty("team").GetString());
        Assert.False(updated.GetProperty("metadata").TryGetProperty("slack_thread_id", out _));

        var listed = (await (await client.GetAsync("/v1alpha/monitors")).JsonAsync()).GetProperty("monitors");
        Assert.Equal(id, Assert.Single(listed.EnumerateArray()).GetProperty("monitor_id").GetString());

        var deleted = await client.DeleteAsync($"/v1alpha/monitors/{id}");
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("canceled", (await deleted.JsonAsync()).GetProperty("status").GetString());
        await AssertErrorAsync(await client.GetAsync($"/v1alpha/monitors/{id}"), HttpStatusCode.NotFound, "Monitor not found");
        await AssertErrorAsync(await client.PatchAsJsonAsync($"/v1alpha/monitors/{id}", new { cadence = "daily" }), HttpStatusCode.NotFound, "Monitor not found");
        Assert.Empty((await (await client.GetAsync("/v1alpha/monitors")).JsonAsync()).GetProperty("monitors").EnumerateArray());
    }

    [Fact]
    public async Task Requests_without_a_valid_key_or_with_the_wrong_scope_are_refused_in_the_documented_shape()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var anonymous = app.CreateClient();
        var wrongKey = app.CreateClient();
        wrongKey.DefaultRequestHeaders.Add("x-api-key", "cbt_nope_nope");
        var triggerOnly = await ClientAsync(app, TokenScopes.Trigger);

        await AssertErrorAsync(await anonymous.GetAsync("/v1alpha/monitors"), HttpStatusCode.Unauthorized, "Unauthorized: invalid or missing credentials");
        await AssertErrorAsync(await wrongKey.PostAsJsonAsync("/v1alpha/monitors", new { query = "x", cadence = "daily" }), HttpStatusCode.Unauthorized, "Unauthorized");
        await AssertErrorAsync(await triggerOnly.GetAsync("/v1alpha/monitors"), HttpStatusCode.Forbidden, "Forbidden");
    }

    [Fact]
    public async Task Invalid_bodies_get_a_422_naming_every_problem_and_store_nothing()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var client = await ClientAsync(app);

        var response = await client.PostAsJsonAsync("/v1alpha/monitors", new
        {
            query = "",
            cadence = "monthly",
            webhook = new { url = "http://plain.example/hook", event_types = new[] { "monitor.event.detected" } },
            metadata = new { n = 3 },
            output_schema = new { type = "json", json_schema = new { type = "object", properties = new { n = new { type = "integer" } } } },
        });

        var error = await AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "Unprocessable content: request validation error");
        var fields = error.GetProperty("error").GetProperty("detail").GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["query", "cadence", "webhook.url", "metadata", "output_schema"], fields);
        var malformed = await client.PostAsync("/v1alpha/monitors", new StringContent("{not json", Encoding.UTF8, "application/json"));
        await AssertErrorAsync(malformed, HttpStatusCode.UnprocessableEntity, "Unprocessable content");
        var missing = await client.PostAsJsonAsync("/v1alpha/monitors", new { query = "AI news" });
        await AssertErrorAsync(missing, HttpStatusCode.UnprocessableEntity, "Unprocessable content");
        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Monitors.ToListAsync());
    }

    [Fact]
    public async Task An_output_schema_of_any_wrong_shape_gets_a_422_naming_the_field_and_stores_nothing()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var client = await ClientAsync(app);

        string[] schemas =
        [
            "5", "\"json\"", "[]", "true",
            """{"type":"json","json_schema":{"type":7,"properties":{"a":{"type":"string"}}}}""",
            """{"type":"object","properties":{"a":{"type":"string","description":5}}}""",
            """{"type":"object","properties":{"a":{"type":"string","enum":["x",7]}}}""",
            """{"type":"object","properties":{"a":{"type":"string"}},"required":[null]}""",
        ];
        foreach (var schema in schemas)
        {
            var response = await client.PostAsync("/v1alpha/monitors", new StringContent(
                $$"""{"query":"https://example.com/schema","cadence":"daily","output_schema":{{schema}}}""", Encoding.UTF8, "application/json"));

            var error = await AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "Unprocessable content: request validation error");
            var problem = Assert.Single(error.GetProperty("error").GetProperty("detail").GetProperty("errors").EnumerateArray());
            Assert.Equal("output_schema", problem.GetProperty("field").GetString());
            Assert.StartsWith("output_schema", problem.GetProperty("message").GetString());
        }
        await using var db = app.CreateDbContext();
        Assert.Empty(await db.Monitors.ToListAsync());
    }

    [Theory]
    [InlineData("10", false)]
    [InlineData("1m", false)]
    [InlineData("0d", false)]
    [InlineData("-1d", false)]
    [InlineData("7d", true)]
    [InlineData("2w", true)]
    public async Task The_lookback_period_must_be_days_or_weeks(string lookback, bool accepted)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Checker.ThenNothing();
        var client = await ClientAsync(app);
        var id = (await (await client.PostAsJsonAsync("/v1alpha/monitors", new { query = "https://example.com/changelog", cadence = "hourly" })).JsonAsync())
            .GetProperty("monitor_id").GetString();

        var response = await client.GetAsync($"/v1alpha/monitors/{id}/events?lookback_period={lookback}");

        if (accepted) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        else await AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "Unprocessable content");
    }

    [Fact]
    public async Task Quiet_checks_and_failed_checks_appear_as_completion_and_error_events_newest_first()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Checker.ThenNothing().ThenFail("HTTP 503 from example.com");
        var client = await ClientAsync(app);
        var id = (await (await client.PostAsJsonAsync("/v1alpha/monitors", new { query = "https://example.com/changelog", cadence = "hourly" })).JsonAsync())
            .GetProperty("monitor_id").GetString()!;
        await app.WaitUntilAsync(db => db.MonitorEvents.AnyAsync(e => e.MonitorId == id));
        await using (var scope = app.Services.CreateAsyncScope())
            scope.ServiceProvider.GetRequiredService<ChatBot.Jobs.Scheduling.WorkScheduler>().Schedule(s => s.MonitorCheck(id));
        await app.WaitUntilAsync(db => db.MonitorEvents.CountAsync(e => e.MonitorId == id).ContinueWith(t => t.Result == 2));

        var events = (await (await client.GetAsync($"/v1alpha/monitors/{id}/events")).JsonAsync()).GetProperty("events").EnumerateArray().ToList();

        Assert.Equal(["error", "completion"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("HTTP 503 from example.com", events[0].GetProperty("error").GetString());
        Assert.StartsWith("error_", events[0].GetProperty("id").GetString());
        Assert.StartsWith("completed_", events[1].GetProperty("monitor_ts").GetString());
    }

    [Fact]
    public async Task Simulate_event_needs_a_webhook_and_then_sends_a_signed_notification_whose_test_group_can_be_fetched()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, LoopbackReceiverAllowed);
        app.ConfigureServices = services => services.AddHttpClient(WebhookDeliveryJob.HttpClientName).ConfigurePrimaryHttpMessageHandler(receiver.CreateTrustingHandler);
        app.Checker.ThenNothing();
        var client = await ClientAsync(app, TokenScopes.Monitors, TokenScopes.Admin);
        var secret = (await (await app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Admin))
            .PostAsync($"/api/workspace/{Workspace}/admin/webhook-secret/rotate", null)).JsonAsync()).GetProperty("secret").GetString()!;
        var bare = (await (await client.PostAsJsonAsync("/v1alpha/monitors", new { query = "https://example.com/a", cadence = "daily" })).JsonAsync())
            .GetProperty("monitor_id").GetString();
        await AssertErrorAsync(await client.PostAsync($"/v1alpha/monitors/{bare}/simulate_event", null), HttpStatusCode.BadRequest, "Webhook not configured for this monitor");

        var hook = new Uri(receiver.BaseUrl, "/hooks/monitors").AbsoluteUri;
        var id = (await (await client.PostAsJsonAsync("/v1alpha/monitors", new
        {
            query = "https://example.com/b",
            cadence = "daily",
            webhook = new { url = hook, event_types = new[] { "monitor.execution.failed" } },
            metadata = new { team = "research" },
        })).JsonAsync()).GetProperty("monitor_id").GetString();

        var simulated = await client.PostAsync($"/v1alpha/monitors/{id}/simulate_event?event_type=monitor.event.detected", null);

        Assert.Equal(HttpStatusCode.NoContent, simulated.StatusCode);
        await app.WaitUntilAsync(db => db.WebhookDeliveries.AnyAsync(d => d.MonitorId == id && d.Status == WebhookDeliveryStatus.Delivered));
        var received = Assert.Single(receiver.Received);
        Assert.True(StandardWebhookSignature.Verify(secret, received.Id, DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp)), received.Body, received.Signature));
        var payload = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal("monitor.event.detected", payload.GetProperty("type").GetString());
        Assert.Equal(id, payload.GetProperty("data").GetProperty("monitor_id").GetString());
        Assert.Equal("research", payload.GetProperty("data").GetProperty("metadata").GetProperty("team").GetString());
        var groupId = payload.GetProperty("data").GetProperty("event").GetProperty("event_group_id").GetString();
        var group = await (await client.GetAsync($"/v1alpha/monitors/{id}/event_groups/{groupId}")).JsonAsync();
        Assert.Equal("event", Assert.Single(group.GetProperty("events").EnumerateArray()).GetProperty("type").GetString());
        await AssertErrorAsync(await client.GetAsync($"/v1alpha/monitors/{id}/event_groups/mevtgrp_unknown"), HttpStatusCode.NotFound, "Resource not found");
        var unknown = await AssertErrorAsync(await client.PostAsync($"/v1alpha/monitors/{id}/simulate_event?event_type=monitor.nope", null), HttpStatusCode.BadRequest, "Invalid event_type 'monitor.nope'");
        Assert.Equal("event_type", unknown.GetProperty("error").GetProperty("detail").GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_check_notifies_the_webhook_only_for_the_event_types_it_subscribed_to()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, LoopbackReceiverAllowed);
        app.ConfigureServices = services => services.AddHttpClient(WebhookDeliveryJob.HttpClientName).ConfigurePrimaryHttpMessageHandler(receiver.CreateTrustingHandler);
        app.Checker.ThenFail("HTTP 500 from example.com");
        var client = await ClientAsync(app);

        var id = (await (await client.PostAsJsonAsync("/v1alpha/monitors", new
        {
            query = "https://example.com/c",
            cadence = "daily",
            webhook = new { url = new Uri(receiver.BaseUrl, "/hooks/m").AbsoluteUri, event_types = new[] { MonitorWebhook.ExecutionFailed } },
        })).JsonAsync()).GetProperty("monitor_id").GetString();

        await app.WaitUntilAsync(db => db.WebhookDeliveries.AnyAsync(d => d.MonitorId == id && d.Status == WebhookDeliveryStatus.Delivered));
        var payload = JsonDocument.Parse(Assert.Single(receiver.Received).Body).RootElement;
        Assert.Equal("monitor.execution.failed", payload.GetProperty("type").GetString());
        Assert.Equal("HTTP 500 from example.com", payload.GetProperty("data").GetProperty("event").GetProperty("error").GetString());
    }

    [Fact]
    public async Task Another_workspaces_monitor_is_not_found()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Checker.ThenNothing();
        var mine = await ClientAsync(app);
        var theirs = app.CreateClient();
        theirs.DefaultRequestHeaders.Add("x-api-key", await app.IssueTokenAsync("T0OTHER", TokenScopes.Monitors));
        var id = (await (await mine.PostAsJsonAsync("/v1alpha/monitors", new { query = "https://example.com/d", cadence = "daily" })).JsonAsync())
            .GetProperty("monitor_id").GetString();

        await AssertErrorAsync(await theirs.GetAsync($"/v1alpha/monitors/{id}"), HttpStatusCode.NotFound, "Monitor not found");
        await AssertErrorAsync(await theirs.DeleteAsync($"/v1alpha/monitors/{id}"), HttpStatusCode.NotFound, "Monitor not found");
    }
}
