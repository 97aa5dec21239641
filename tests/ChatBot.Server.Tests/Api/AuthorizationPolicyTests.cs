using System.Net;
using System.Net.Http.Json;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;

namespace ChatBot.Server.Tests.Api;

/// <summary>
/// Each authorization policy (trigger, monitors, admin, any token, ops) refuses a caller without credentials with 401
/// and one without what the policy needs with 403, in the error shape of the API it guards.
/// </summary>
public sealed class AuthorizationPolicyTests
{
    private const string Workspace = "T0POLICY";

    [Fact]
    public async Task The_trigger_policy_needs_the_trigger_scope()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        var url = $"/api/workspace/{Workspace}/trigger";
        using var anonymous = app.CreateClient();
        Assert.Equal("INVALID_TOKEN", await (await anonymous.PostAsJsonAsync(url, new { task = "x" })).ErrorCodeAsync(401));
        using var withoutScope = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Monitors, TokenScopes.Admin));
        Assert.Equal("MISSING_SCOPE", await (await withoutScope.PostAsJsonAsync(url, new { task = "x" })).ErrorCodeAsync(403));

        using var webhookTrigger = app.CreateClient();
        webhookTrigger.DefaultRequestHeaders.Add("X-Webhook-Secret", await app.IssueTokenAsync(Workspace, TokenScopes.Admin));
        var hook = await webhookTrigger.PostAsJsonAsync($"/api/v1/workspaces/slack/{Workspace}/query-agent-webhook-trigger", new { query = "x" });
        Assert.Equal("MISSING_SCOPE", await hook.ErrorCodeAsync(403));
    }

    [Fact]
    public async Task The_admin_policy_needs_the_admin_scope()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var anonymous = app.CreateClient();
        Assert.Equal("INVALID_TOKEN", await (await anonymous.GetAsync($"/api/workspace/{Workspace}/admin/tokens")).ErrorCodeAsync(401));
        using var withoutScope = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger, TokenScopes.Monitors));
        foreach (var path in new[] { "tokens", "settings", "webhook-deliveries" })
            Assert.Equal("MISSING_SCOPE", await (await withoutScope.GetAsync($"/api/workspace/{Workspace}/admin/{path}")).ErrorCodeAsync(403));
    }

    [Fact]
    public async Task The_monitors_policy_needs_the_monitors_scope_and_answers_in_the_seed_shape()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var anonymous = app.CreateClient();
        await AssertMonitorApiErrorAsync(await anonymous.GetAsync("/v1alpha/monitors"), HttpStatusCode.Unauthorized);
        using var withoutScope = app.CreateClient();
        withoutScope.DefaultRequestHeaders.Add("x-api-key", await app.IssueTokenAsync(Workspace, TokenScopes.Trigger, TokenScopes.Admin));
        await AssertMonitorApiErrorAsync(await withoutScope.GetAsync("/v1alpha/monitors"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_any_token_policy_needs_a_token_of_the_workspace_in_the_url()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var anonymous = app.CreateClient();
        Assert.Equal("INVALID_TOKEN", await (await anonymous.GetAsync($"/api/workspace/{Workspace}/receipts")).ErrorCodeAsync(401));
        Assert.Equal("AUTH_REQUIRED", await (await anonymous.GetAsync("/api/runs/run_nope")).ErrorCodeAsync(401));
        using var otherWorkspace = app.CreateClient(await app.IssueTokenAsync("T0ELSEWHERE", TokenScopes.All.ToArray()));
        Assert.Equal("WRONG_WORKSPACE", await (await otherWorkspace.GetAsync($"/api/workspace/{Workspace}/receipts")).ErrorCodeAsync(403));
    }

    [Fact]
    public async Task The_ops_policy_needs_the_ops_credentials_and_no_workspace_token_stands_in()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var anonymous = app.CreateClient();
        var refused = await anonymous.GetAsync("/api/dashboard");
        Assert.Equal("AUTH_REQUIRED", await refused.ErrorCodeAsync(401));
        Assert.Contains("Basic", refused.Headers.WwwAuthenticate.ToString());
        using var workspaceAdmin = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.All.ToArray()));
        Assert.Equal("AUTH_REQUIRED", await (await workspaceAdmin.GetAsync("/api/dashboard")).ErrorCodeAsync(401));
        Assert.Equal("AUTH_REQUIRED", await (await workspaceAdmin.PostAsJsonAsync($"/api/ops/workspaces/{Workspace}/tokens",
            new { name = "more", scopes = new[] { "admin" } })).ErrorCodeAsync(401));
    }

    [Fact]
    public async Task Without_ops_credentials_the_ops_policy_forbids_all_but_loopback_callers()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite,
            new Dictionary<string, string?> { ["Ops:Username"] = "", ["Ops:Password"] = "" });
        using var local = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/api/dashboard")).StatusCode);
        using var forwarded = app.CreateClient();
        forwarded.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        foreach (var path in new[] { "/api/dashboard", "/api/playground/messages", "/hangfire" })
            Assert.Equal("LOOPBACK_ONLY", await (await forwarded.GetAsync(path)).ErrorCodeAsync(403));
    }

    private static async Task AssertMonitorApiErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("error", body.GetProperty("type").GetString());
        Assert.StartsWith("mr_", body.GetProperty("error").GetProperty("ref_id").GetString());
    }
}
