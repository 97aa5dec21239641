using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Core.Agents;
using ChatBot.Core.Chat;
using ChatBot.Core.Receipts;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Server.Tests.Teams;
using ChatBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Api;

/// <summary>
/// Workspace isolation on Teams: a workspace is a Teams tenant once a validated activity from that tenant arrives,
/// and only such a workspace names Teams destinations (trigger API, Monitor API, admin settings) or has a job post
/// in Teams; any other gets a 403 in its API's error shape, and its jobs post nothing.
/// </summary>
public sealed class TeamsIsolationTests
{
    private const string AppId = "bot-app-id";
    private const string Unrelated = "acme-isolation";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Only_a_tenant_the_bot_has_heard_from_names_Teams_destinations(StorageKind storage)
    {
        await using var auth = await BotFrameworkAuthDouble.StartAsync();
        await using var connector = await BotConnectorDouble.StartAsync();
        await using var app = await TeamsEndToEndTests.StartAsync(storage, auth, connector);
        var teams = new { teamsConversationId = TeamsActivities.ChannelConversation };

        var token = await app.IssueTokenAsync(Unrelated, TokenScopes.Trigger, TokenScopes.Admin, TokenScopes.Monitors);
        using var unrelated = app.CreateClient(token);
        unrelated.DefaultRequestHeaders.Add("x-api-key", token);
        var triggered = await unrelated.PostAsJsonAsync($"/api/workspace/{Unrelated}/trigger", new { task = "post in their channel", responseDestination = teams });
        var settings = await unrelated.PatchAsJsonAsync($"/api/workspace/{Unrelated}/admin/settings",
            new { default_receipt_channel = new { platform = "teams", channel_id = TeamsActivities.ChannelConversation, service_url = connector.ServiceUrl } });
        var monitor = await unrelated.PostAsJsonAsync("/v1alpha/monitors",
            new { query = "https://example.com/pricing", cadence = "daily", channel = new { platform = "teams", channel_id = TeamsActivities.ChannelConversation } });

        foreach (var refused in new[] { triggered, settings })
        {
            var error = await refused.JsonAsync();
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("NOT_A_TEAMS_TENANT", error.GetProperty("code").GetString());
            Assert.Equal(403, error.GetProperty("status").GetInt32());
            Assert.Contains("not a Microsoft Teams tenant", error.GetProperty("error").GetString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, monitor.StatusCode);
        var monitorError = (await monitor.JsonAsync()).GetProperty("error");
        Assert.Contains("not a Microsoft Teams tenant", monitorError.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(monitorError.GetProperty("ref_id").GetString()));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Runs.AnyAsync(r => r.WorkspaceId == Unrelated));
            Assert.False(await db.Monitors.AnyAsync(m => m.WorkspaceId == Unrelated));
            Assert.Null((await db.Workspaces.SingleAsync(w => w.Id == Unrelated)).Receipts.DefaultChannel);
        }

        // The tenant becomes one with its first validated activity, and may then name its conversations.
        var hello = await TeamsActivities.PostAsync(app.CreateClient(),
            TeamsActivities.Message(connector.ServiceUrl, "<at>ChatBot</at> help", id: "1700000000300"), auth.Mint(AppId, connector.ServiceUrl));
        Assert.Equal(HttpStatusCode.Accepted, hello.StatusCode);
        await using (var db = app.CreateDbContext())
            Assert.Equal(TeamsActivities.TenantId, (await db.Workspaces.SingleAsync(w => w.Id == TeamsActivities.TenantId)).TeamsTenantId);
        using var tenant = app.CreateClient(await app.IssueTokenAsync(TeamsActivities.TenantId, TokenScopes.Trigger, TokenScopes.Admin));
        var accepted = await tenant.PatchAsJsonAsync($"/api/workspace/{TeamsActivities.TenantId}/admin/settings",
            new { default_receipt_channel = new { platform = "teams", channel_id = TeamsActivities.ChannelConversation, service_url = connector.ServiceUrl } });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var started = await tenant.PostAsJsonAsync($"/api/workspace/{TeamsActivities.TenantId}/trigger", new { task = "post in our channel", responseDestination = teams });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
    }

    [Fact]
    public async Task A_job_does_not_post_in_Teams_for_a_workspace_that_is_not_that_tenant()
    {
        await using var auth = await BotFrameworkAuthDouble.StartAsync();
        await using var connector = await BotConnectorDouble.StartAsync();
        await using var app = await TeamsEndToEndTests.StartAsync(StorageKind.Sqlite, auth, connector);
        app.Agent.Then(new AgentCompleted("Checked the deploy", "all green", "Deploy 7 is healthy.", 3, [], null));
        using var client = app.CreateClient(await app.IssueTokenAsync(Unrelated, TokenScopes.Trigger));
        await using (var db = app.CreateDbContext())
        {
            // Stored past the API's rule, as a row from before it would be: the job must refuse on its own.
            var workspace = await db.Workspaces.SingleAsync(w => w.Id == Unrelated);
            workspace.Receipts.DefaultChannel = new ChatAddress(ChatPlatform.Teams, Unrelated, TeamsActivities.ChannelConversation, null, connector.ServiceUrl);
            await db.SaveChangesAsync();
        }

        (await client.PostAsJsonAsync($"/api/workspace/{Unrelated}/trigger", new { task = "check the deploy" })).EnsureSuccessStatusCode();

        var receipt = await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status != ReceiptDeliveryStatus.Pending));
        Assert.Equal(ReceiptDeliveryStatus.Failed, receipt.Status);
        Assert.Contains("not a Microsoft Teams tenant", receipt.LastError);
        Assert.Empty(connector.Requests);
    }
}
