using System.Net.Http.Headers;
using System.Text;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Reliability;

/// <summary>
/// Every HTTP endpoint the server maps, fed malformed, truncated, wrong-typed, wrong-content-type and oversized
/// bodies with valid credentials: no answer is a 5xx, and nothing is stored.
/// </summary>
public sealed class EndpointFuzzTests
{
    private const string Workspace = "T0FUZZ";

    private static readonly (string Name, Func<HttpContent> Body)[] BadBodies =
    [
        ("truncated json", () => new StringContent("{\"task\": \"summ", Encoding.UTF8, "application/json")),
        ("not json", () => new StringContent("<xml>nope</xml>", Encoding.UTF8, "application/json")),
        ("json array", () => new StringContent("[1,2,3]", Encoding.UTF8, "application/json")),
        ("wrong types", () => new StringContent("""{"task":42,"query":[],"cadence":{},"drain":"yes","scopes":"all","name":7,"text":null,"channel":false}""", Encoding.UTF8, "application/json")),
        ("wrong content type", () => new StringContent("task=hello", Encoding.UTF8, "text/plain")),
        ("form instead of json", () => new FormUrlEncodedContent([new("task", "hello")])),
        ("empty", () => new StringContent("", Encoding.UTF8, "application/json")),
        ("oversized", () => new StringContent("{\"task\":\"" + new string('x', 1_200_000) + "\"}", Encoding.UTF8, "application/json")),
    ];

    [Fact]
    public async Task No_endpoint_answers_bad_input_with_a_server_error_or_stores_it()
    {
        // Platforms connected, so their endpoints judge the (unsigned) requests instead of answering 503.
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "fuzz-secret",
            ["Slack:BotToken"] = "xoxb-fuzz",
            ["Teams:AppId"] = "00000000-0000-0000-0000-00000000f022",
            ["Teams:AppPassword"] = "fuzz-password",
            ["Teams:OpenIdMetadataUrl"] = "http://127.0.0.1:9/openid",
        });
        var token = await app.IssueTokenAsync(Workspace, TokenScopes.All.ToArray());
        var client = app.CreateClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText ?? "")))
            .Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE" && !e.Route.Contains("/events"))
            .Distinct()
            .ToList();
        Assert.True(endpoints.Count >= 15, $"only {endpoints.Count} endpoints found");
        await using (var before = app.CreateDbContext())
            Assert.Equal(0, await before.Runs.CountAsync());

        var failures = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            var path = "/" + route.TrimStart('/')
                .Replace("{workspace_id}", Workspace).Replace("{run_id}", "run_nope").Replace("{monitor_id}", "monitor_nope")
                .Replace("{token_id}", "tok_nope").Replace("{delivery_id}", "msg_nope").Replace("{node_id}", "node_nope")
                .Replace("{action}", "pause").Replace("{event_group_id}", "mevtgrp_nope").Replace("{id}", "nope")
                .Replace("{workspaceType}", "slack").Replace("{workspaceId}", Workspace);
            foreach (var (name, body) in BadBodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body() };
                request.Headers.Authorization = route.StartsWith("/api/ops", StringComparison.Ordinal) || route.StartsWith("api/ops", StringComparison.Ordinal)
                    ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ChatBotAppFactory.OpsUsername}:{ChatBotAppFactory.OpsPassword}")))
                    : new AuthenticationHeaderValue("Bearer", token);
                request.Headers.Add("x-api-key", token);
                request.Headers.Add("X-Webhook-Secret", token);
                using var response = await client.SendAsync(request);
                if ((int)response.StatusCode >= 500) failures.Add($"{method} {path} with {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Runs.CountAsync());
        Assert.Equal(0, await db.Monitors.CountAsync());
    }
}
