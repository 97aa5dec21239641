using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Auth;
using ChatBot.Server.Tests.Api.MonitorApiSchema;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NJsonSchema;

namespace ChatBot.Server.Tests.Api;

/// <summary>The Monitor API where it used to differ from its spec: status codes, the OpenAPI listing, timestamps, structured test events.</summary>
public sealed class MonitorApiSeedTests
{
    private const string Workspace = "T0MONSEED";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    private static async Task<HttpClient> ClientAsync(ChatBotAppFactory app, string scope = TokenScopes.Monitors)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("x-api-key", await app.IssueTokenAsync(Workspace, scope));
        return client;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Created_at_reads_the_same_in_the_create_response_and_every_later_read(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage);
        app.Checker.ThenNothing();
        var client = await ClientAsync(app);

        var created = await (await client.PostAsJsonAsync("/v1alpha/monitors", new { query = "https://example.com/changelog", cadence = "daily" })).JsonAsync();
        var id = created.GetProperty("monitor_id").GetString();
        var createdAt = created.GetProperty("created_at").GetString();

        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", createdAt);
        Assert.Equal(createdAt, (await client.GetFromJsonAsync<JsonElement>($"/v1alpha/monitors/{id}")).GetProperty("created_at").GetString());
        Assert.Equal(createdAt, (await client.GetFromJsonAsync<JsonElement>("/v1alpha/monitors")).GetProperty("monitors")[0].GetProperty("created_at").GetString());
        await using var db = app.CreateDbContext();
        var stored = (await db.Monitors.SingleAsync()).CreatedAt;
        Assert.Equal(stored.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"), createdAt);
    }

    [Fact]
    public async Task A_simulated_event_of_a_structured_monitor_has_a_json_result_valid_against_its_schema()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Checker.ThenNothing();
        var client = await ClientAsync(app);
        var schema = new
        {
            type = "object",
            properties = new
            {
                sentiment = new { type = "string", @enum = new[] { "positive", "negative", "neutral" } },
                stock_ticker_symbol = new { type = "string" },
                description = new { type = "string" },
            },
            required = new[] { "sentiment", "description" },
        };
        var id = (await (await client.PostAsJsonAsync("/v1alpha/monitors", new
        {
            query = "https://example.com/news",
            cadence = "daily",
            webhook = new { url = "https://hooks.example.com/monitors" },
            output_schema = new { type = "json", json_schema = schema },
        })).JsonAsync()).GetProperty("monitor_id").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/v1alpha/monitors/{id}/simulate_event", null)).StatusCode);

        // The notification names a test event group; fetching it gives the structured shape.
        var delivery = await app.WaitForAsync(db => db.WebhookDeliveries.SingleOrDefaultAsync(d => d.MonitorId == id && d.PayloadJson.Contains("monitor.event.detected")));
        var groupId = JsonDocument.Parse(delivery.PayloadJson).RootElement.GetProperty("data").GetProperty("event").GetProperty("event_group_id").GetString();
        var group = await client.GetFromJsonAsync<JsonElement>($"/v1alpha/monitors/{id}/event_groups/{groupId}");
        var item = Assert.Single(group.GetProperty("events").EnumerateArray());
        await SeedSchemas.AssertConformsAsync(item, "MonitorEventDetail");
        Assert.Equal("", item.GetProperty("output").GetString());
        var result = item.GetProperty("result");
        Assert.Equal("json", result.GetProperty("type").GetString());
        var content = result.GetProperty("content");
        Assert.Equal(["description", "sentiment", "stock_ticker_symbol"], content.EnumerateObject().Select(p => p.Name).Order());
        var monitorSchema = await JsonSchema.FromJsonAsync(JsonSerializer.Serialize(schema));
        Assert.Empty(monitorSchema.Validate(content.GetRawText()));
    }

    [Fact]
    public async Task An_unknown_event_type_is_400_and_403_and_429_come_in_the_seed_error_shape()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var client = await ClientAsync(app);
        var id = (await (await client.PostAsJsonAsync("/v1alpha/monitors", new
        {
            query = "https://example.com/a",
            cadence = "daily",
            webhook = new { url = "https://hooks.example.com/monitors" },
        })).JsonAsync()).GetProperty("monitor_id").GetString();

        async Task Conforms(HttpResponseMessage response, HttpStatusCode status)
        {
            Assert.Equal(status, response.StatusCode);
            await SeedSchemas.AssertConformsAsync(await response.JsonAsync(), "ErrorResponse");
        }

        await Conforms(await client.PostAsync($"/v1alpha/monitors/{id}/simulate_event?event_type=monitor.nope", null), HttpStatusCode.BadRequest);
        await Conforms(await (await ClientAsync(app, TokenScopes.Trigger)).GetAsync("/v1alpha/monitors"), HttpStatusCode.Forbidden);
        // The per-token bucket gives a request back every 0.6 s, so a slow machine gets a few more than a hundred in.
        HttpResponseMessage? limited = null;
        for (var sent = 0; limited is null && sent < 3 * TokenRateLimiter.RequestsPerMinute; sent++)
        {
            var response = await client.GetAsync($"/v1alpha/monitors/{id}");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) limited = response;
        }
        Assert.NotNull(limited);
        await Conforms(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task The_openapi_document_lists_401_403_and_429_for_every_monitor_operation_in_the_seed_error_shape()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient();

        var document = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        JsonElement Resolve(JsonElement schema) =>
            schema.TryGetProperty("$ref", out var reference) ? schemas.GetProperty(reference.GetString()!.Split('/')[^1]) : schema;
        var operations = document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/v1alpha/monitors", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value))).ToList();
        Assert.Equal(8, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            foreach (var status in new[] { "401", "403", "429" })
            {
                Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var response), $"{method} {path} does not list {status}");
                var body = Resolve(response.GetProperty("content").GetProperty("application/json").GetProperty("schema"));
                Assert.Equal(["error", "type"], body.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
                var error = Resolve(body.GetProperty("properties").GetProperty("error"));
                Assert.Equal(["detail", "message", "ref_id"], error.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
            }
        }
        var simulate = operations.Single(o => o.Path.EndsWith("/simulate_event", StringComparison.Ordinal)).Operation.GetProperty("responses");
        Assert.True(simulate.TryGetProperty("400", out _));
        Assert.False(simulate.TryGetProperty("422", out _));
    }
}
