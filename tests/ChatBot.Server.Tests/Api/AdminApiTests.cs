using System.Net;
using System.Net.Http.Json;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Api;

public sealed class AdminApiTests
{
    private const string Workspace = "T0ADMIN";

    [Fact]
    public async Task Tokens_are_issued_listed_rotated_and_revoked_with_secrets_shown_once()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var admin = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Admin));

        var issued = await admin.PostAsJsonAsync($"/api/workspace/{Workspace}/admin/tokens", new { name = "ci", scopes = new[] { "trigger" } });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await issued.JsonAsync();
        var ciToken = body.GetProperty("token").GetString()!;
        var ciId = body.GetProperty("token_id").GetString()!;

        var listed = await (await admin.GetAsync($"/api/workspace/{Workspace}/admin/tokens")).JsonAsync();
        Assert.Equal(2, listed.GetProperty("data").GetArrayLength());
        Assert.DoesNotContain(ciToken.Split('.')[1], listed.GetRawText());

        var rotated = await (await admin.PostAsync($"/api/workspace/{Workspace}/admin/tokens/{ciId}/rotate", null)).JsonAsync();
        var newToken = rotated.GetProperty("token").GetString()!;
        Assert.NotEqual(ciToken, newToken);
        Assert.Equal("ci", rotated.GetProperty("name").GetString());
        using (var old = app.CreateClient(ciToken))
            Assert.Equal("INVALID_TOKEN", await (await old.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new { task = "x" })).ErrorCodeAsync(401));

        var newId = rotated.GetProperty("token_id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/workspace/{Workspace}/admin/tokens/{newId}")).StatusCode);
        using var revoked = app.CreateClient(newToken);
        Assert.Equal("INVALID_TOKEN", await (await revoked.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new { task = "x" })).ErrorCodeAsync(401));
        Assert.Equal("TOKEN_NOT_FOUND", await (await admin.DeleteAsync($"/api/workspace/{Workspace}/admin/tokens/tok_nope")).ErrorCodeAsync(404));
    }

    [Fact]
    public async Task Settings_patch_applies_all_or_nothing()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var admin = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Admin));
        var url = $"/api/workspace/{Workspace}/admin/settings";
        await using (var connected = app.CreateDbContext())
        {
            // A Slack team the bot is connected to: only such a workspace names a Slack receipt channel.
            connected.BotInstallations.Add(BotInstallation.ConfiguredToken(ChatBot.Core.Chat.ChatPlatform.Slack, Workspace, DateTimeOffset.UtcNow));
            await connected.SaveChangesAsync();
        }

        var ok = await admin.PatchAsJsonAsync(url, new
        {
            default_receipt_channel = new { platform = "slack", channel_id = "C0RECEIPTS" },
            include_credits = false,
            approver_ids = new[] { "U1", "U2" },
            monthly_spend_cap = 5000,
            webhook_allowlist = new[] { "https://hooks.example.com/chatbot/" },
        });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var settings = await ok.JsonAsync();
        Assert.Equal("C0RECEIPTS", settings.GetProperty("default_receipt_channel").GetProperty("channel_id").GetString());
        Assert.False(settings.GetProperty("include_credits").GetBoolean());
        Assert.True(settings.GetProperty("include_tools").GetBoolean());

        Assert.Equal("INVALID_WEBHOOK_URL", await (await admin.PatchAsJsonAsync(url,
            new { include_tools = false, webhook_allowlist = new[] { "http://plain.example.com/" } })).ErrorCodeAsync(400));
        Assert.Equal("INVALID_SPEND_CAP", await (await admin.PatchAsJsonAsync(url, new { include_tools = false, monthly_spend_cap = -1 })).ErrorCodeAsync(400));

        await using var db = app.CreateDbContext();
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == Workspace);
        Assert.True(workspace.Receipts.IncludeTools);
        Assert.Equal(5000, workspace.MonthlySpendCap);
        Assert.Equal(["U1", "U2"], workspace.ApproverIds);
        Assert.Equal(["https://hooks.example.com/chatbot/"], workspace.WebhookAllowlist);
    }

    [Fact]
    public async Task Admin_routes_need_the_admin_scope()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var trigger = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Trigger));

        Assert.Equal("MISSING_SCOPE", await (await trigger.GetAsync($"/api/workspace/{Workspace}/admin/settings")).ErrorCodeAsync(403));
        Assert.Equal("MISSING_SCOPE", await (await trigger.PostAsJsonAsync($"/api/workspace/{Workspace}/admin/tokens", new { name = "x", scopes = new[] { "admin" } })).ErrorCodeAsync(403));
    }

    [Fact]
    public async Task Ops_bootstrap_refuses_wrong_credentials_with_a_basic_challenge()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("ops:wrong"u8.ToArray()));

        var response = await client.PostAsJsonAsync($"/api/ops/workspaces/{Workspace}/tokens", new { name = "x", scopes = new[] { "admin" } });

        Assert.Equal("AUTH_FAILED", await response.ErrorCodeAsync(401));
        Assert.Equal("Basic realm=\"ChatBot\"", response.Headers.WwwAuthenticate.ToString());
    }
}
