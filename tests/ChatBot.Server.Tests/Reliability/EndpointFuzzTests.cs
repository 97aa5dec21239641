using System.Net.Http.Headers;
using System.Text;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Testing.Logging;
using ChatBot.Testing.Slack;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Server.Tests.Reliability;

/// <summary>
/// Every HTTP route the server maps, on both stores, fed malformed, truncated, wrong-typed, wrong-content-type,
/// oversized and NUL-laden bodies and route values far over any column's length with valid
/// credentials, plus validly signed Slack requests with broken JSON, forged Teams JWTs, odd output schemas and
/// racing secret rotations: no answer is a 5xx, nothing logs an unhandled exception, and nothing is stored.
/// </summary>
public sealed class EndpointFuzzTests
{
    private const string Workspace = "T0FUZZ";
    private const string SigningSecret = "fuzz-signing-secret";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    private static readonly (string Name, Func<HttpContent> Body)[] BadBodies =
    [
        ("truncated json", () => new StringContent("{\"task\": \"summ", Encoding.UTF8, "application/json")),
        ("not json", () => new StringContent("<xml>nope</xml>", Encoding.UTF8, "application/json")),
        ("json array", () => new StringContent("[1,2,3]", Encoding.UTF8, "application/json")),
        ("wrong types", () => new StringContent("""{"task":42,"query":[],"cadence":{},"drain":"yes","scopes":"all","name":7,"text":null,"channel":false}""", Encoding.UTF8, "application/json")),
        ("NUL characters", () => new StringContent("""{"task":"a\u0000b","query":"https://example.com/\u0000","cadence":"daily","name":"n\u0000","scopes":["trigger"],"text":"hi\u0000","channel":"c\u0000","action_id":"approve","value":"appr\u0000","approver_ids":["U\u0000"],"webhook_allowlist":["https://example.com/\u0000"]}""", Encoding.UTF8, "application/json")),
        ("wrong content type", () => new StringContent("task=hello", Encoding.UTF8, "text/plain")),
        ("form instead of json", () => new FormUrlEncodedContent([new("task", "hello")])),
        ("empty", () => new StringContent("", Encoding.UTF8, "application/json")),
        ("oversized", () => new StringContent("{\"task\":\"" + new string('x', 1_200_000) + "\"}", Encoding.UTF8, "application/json")),
    ];

    // The in-process client cannot send a NUL in a path (Kestrel answers one with 400); NULs go in bodies instead.
    private static readonly string[] RouteValues = ["nope", new string('x', 300)];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task No_route_answers_bad_input_with_a_server_error_or_an_unhandled_exception_or_stores_it(StorageKind storage)
    {
        var logs = new RecordingLoggerProvider();
        // Platforms connected, so their endpoints judge the requests instead of answering 503.
        await using var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = "xoxb-fuzz",
            ["Slack:ClientId"] = "1.2",
            ["Slack:ClientSecret"] = "fuzz-client-secret",
            ["Teams:AppId"] = "00000000-0000-0000-0000-00000000f022",
            ["Teams:AppPassword"] = "fuzz-password",
            ["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/openid",
        });
        app.ConfigureServices = services => services.AddSingleton<ILoggerProvider>(logs);
        var token = await app.IssueTokenAsync(Workspace, TokenScopes.All.ToArray());
        var client = app.CreateClient();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText ?? "")))
            .Where(e => !e.Route.EndsWith("/events", StringComparison.Ordinal) || e.Route.Contains("monitor_id", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.True(routes.Count >= 30, $"only {routes.Count} routes found");

        var failures = new List<string>();
        async Task SendAsync(HttpRequestMessage request, string what)
        {
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500) failures.Add($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        foreach (var (method, route) in routes)
        {
            // A token per route keeps each route's 18 requests under the per-token limit, so they reach the handler.
            var routeToken = await app.IssueTokenAsync(Workspace, TokenScopes.All.ToArray());
            foreach (var value in RouteValues)
                await FuzzRouteAsync(method, route, value, routeToken);
        }

        async Task FuzzRouteAsync(string method, string route, string value, string routeToken)
        {
            var path = "/" + route.TrimStart('/');
            foreach (var parameter in new[] { "workspace_id", "run_id", "monitor_id", "token_id", "delivery_id", "node_id", "action", "event_group_id", "id" })
                path = path.Replace("{" + parameter + "}", parameter == "workspace_id" && value == "nope" ? Workspace : value);
            path = path.Replace("{workspaceType}", "slack").Replace("{workspaceId}", value == "nope" ? Workspace : value);
            (string Name, Func<HttpContent> Body)[] bodies = method is "GET" or "HEAD" ? [("no body", () => null!)] : BadBodies;
            foreach (var (name, body) in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body() };
                request.Headers.Authorization = path.StartsWith("/api/ops", StringComparison.Ordinal) || path.StartsWith("/api/dashboard", StringComparison.Ordinal)
                    ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ChatBotAppFactory.OpsUsername}:{ChatBotAppFactory.OpsPassword}")))
                    : new AuthenticationHeaderValue("Bearer", routeToken);
                request.Headers.Add("x-api-key", routeToken);
                request.Headers.Add("X-Webhook-Secret", routeToken);
                request.Headers.Add("X-Requested-With", "fuzz");
                await SendAsync(request, $"{method} {path[..Math.Min(path.Length, 80)]} with {name}");
            }
        }

        // Validly signed Slack requests whose content is broken.
        var slack = new SlackRequestSigner(SigningSecret);
        await SendAsync(slack.Json("/slack/events", "{\"type\": \"event_callback\", \"event\": "), "signed truncated event JSON");
        await SendAsync(slack.Json("/slack/events", "[1]"), "signed JSON array event");
        await SendAsync(slack.Json("/slack/events", "{\"type\":\"event_callback\",\"team_id\":5,\"event\":{\"type\":\"tokens_revoked\",\"tokens\":7},\"authorizations\":{}}"), "signed wrong-typed event");
        await SendAsync(slack.Form("/slack/interactions", [new("payload", "{\"type\":\"block_actions\",")]), "signed truncated interaction payload");
        await SendAsync(slack.Form("/slack/interactions", [new("payload", "{\"type\":\"block_actions\",\"team\":7,\"actions\":{}}")]), "signed wrong-typed interaction payload");
        await SendAsync(slack.Form("/slack/interactions", [new("payload", "[1]")]), "signed JSON array interaction payload");
        await SendAsync(slack.Form("/slack/commands", [new("command", "/monitor"), new("text", "https://example.com/\0"), new("team_id", new string('T', 300)),
            new("channel_id", "C\0"), new("user_id", "U1"), new("trigger_id", "1")]), "signed command with NUL and an over-long team id");

        // Teams: JWTs that are three dots of nonsense.
        foreach (var jwt in new[] { "aaa.bbb.ccc", "eyJhbGciOiJSUzI1NiJ9.e30", "eyJ9.eyJ9.eyJ9", "....", "e30.e30.e30" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent("""{"type":"message","text":"hi","serviceUrl":"https://smba.trafficmanager.net/amer/","channelId":"msteams","conversation":{"id":"a:1"},"from":{"id":"29:1"},"recipient":{"id":"28:bot"}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
            await SendAsync(request, $"Teams activity with JWT {jwt}");
        }

        // Output schemas of every wrong shape.
        foreach (var schema in new[] { "5", "\"json\"", "[]", "{}", "{\"type\":\"json\"}", "{\"type\":\"json\",\"json_schema\":7}", "{\"type\":\"json\",\"json_schema\":{\"type\":\"object\",\"properties\":5}}",
                     "{\"type\":\"json\",\"json_schema\":{\"type\":\"object\",\"properties\":{\"a\":{\"type\":7}}}}", "{\"type\":\"text\",\"json_schema\":null}", "{\"type\":null}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1alpha/monitors")
            {
                Content = new StringContent($$"""{"query":"https://example.com/fuzz","cadence":"daily","output_schema":{{schema}}}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-api-key", token);
            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500) failures.Add($"output_schema {schema}: {(int)response.StatusCode}");
            else if (response.IsSuccessStatusCode) await DeleteAsync(client, token, response);
        }

        // Racing rotations of the webhook signing secret: one wins, the others are told to retry.
        var admin = app.CreateClient(token);
        var rotations = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => admin.PostAsync($"/api/workspace/{Workspace}/admin/webhook-secret/rotate", null)));
        failures.AddRange(rotations.Where(r => (int)r.StatusCode >= 500).Select(r => $"concurrent webhook-secret/rotate: {(int)r.StatusCode}"));

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var unhandled = logs.Logs.Where(l => l.Level >= LogLevel.Error && (l.Category.Contains("ExceptionHandler", StringComparison.Ordinal)
            || l.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(unhandled.Count == 0, string.Join("\n", unhandled.Select(l => $"{l.Category}: {l.Message} {l.Exception?.GetType().Name}: {l.Exception?.Message}")));
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Runs.CountAsync());
        Assert.Equal(0, await db.Monitors.CountAsync(m => m.DeletedAt == null));
    }

    private static async Task DeleteAsync(HttpClient client, string token, HttpResponseMessage created)
    {
        var id = (await created.JsonAsync()).GetProperty("monitor_id").GetString();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/v1alpha/monitors/{id}");
        delete.Headers.Add("x-api-key", token);
        (await client.SendAsync(delete)).EnsureSuccessStatusCode();
    }
}
