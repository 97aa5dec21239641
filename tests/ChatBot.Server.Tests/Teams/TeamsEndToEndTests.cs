using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Agents;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Teams.Connector;
using ChatBot.Teams.Messaging;
using ChatBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Teams;

/// <summary>
/// Teams through the whole server: JWT-signed activities from a local token issuer, the real inbox, jobs and
/// database, and a local Bot Connector (with its MSAL token endpoint) receiving what the bot posts.
/// </summary>
public sealed class TeamsEndToEndTests
{
    private const string AppId = "bot-app-id";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    internal static async Task<ChatBotAppFactory> StartAsync(StorageKind storage, BotFrameworkAuthDouble auth, BotConnectorDouble connector, string adminId = "29:bob")
    {
        var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "bot-secret",
            ["Teams:TenantId"] = TeamsActivities.TenantId,
            ["Teams:OpenIdMetadataUrl"] = auth.MetadataUrl,
            ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
            ["Teams:AdminIds:0"] = adminId,
        });
        app.ConfigureServices = services =>
        {
            // The factory swaps messengers for a recording one; Teams must stay real here.
            services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<TeamsMessenger>());
            services.AddHttpClient(BotConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(connector.CreateTrustingHandler);
            services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(connector.CreateTrustingHandler);
        };
        return app;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_signed_monitor_message_posts_the_monitor_root_at_the_connector(StorageKind storage)
    {
        await using var auth = await BotFrameworkAuthDouble.StartAsync();
        await using var connector = await BotConnectorDouble.StartAsync();
        await using var app = await StartAsync(storage, auth, connector);
        app.Checker.ThenNothing();
        var client = app.CreateClient();

        var response = await TeamsActivities.PostAsync(client,
            TeamsActivities.Message(connector.ServiceUrl, "<at>ChatBot</at> monitor https://example.com/changelog", id: "1700000000100"),
            auth.Mint(AppId, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var monitor = await app.WaitForAsync(db => db.Monitors.SingleOrDefaultAsync(m => m.ThreadId != null));
        var root = Assert.Single(connector.OfKind("send"));
        Assert.Equal(TeamsActivities.ChannelConversation, root.ConversationId);
        Assert.StartsWith("act-", monitor.ThreadId); // the connector's id for the root message is the monitor's thread
        Assert.Contains("https://example.com/changelog", root.Body["attachments"]!.ToJsonString());
        Assert.Equal("Bearer " + BotConnectorDouble.AccessToken, root.Authorization);
        Assert.Equal(new ChatAddress(ChatPlatform.Teams, TeamsActivities.TenantId, TeamsActivities.ChannelConversation, monitor.ThreadId, connector.ServiceUrl), monitor.Address);
        var confirmation = Assert.Single(await connector.WaitForRequestsAsync(1, "reply"));
        Assert.Equal("1700000000100", confirmation.ActivityId);
        Assert.StartsWith("Monitoring https://example.com/changelog", confirmation.Body["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unsigned_activity_is_refused_and_nothing_is_stored()
    {
        await using var auth = await BotFrameworkAuthDouble.StartAsync();
        await using var connector = await BotConnectorDouble.StartAsync();
        await using var app = await StartAsync(StorageKind.Sqlite, auth, connector);
        var client = app.CreateClient();

        var response = await TeamsActivities.PostAsync(client,
            TeamsActivities.Message(connector.ServiceUrl, "monitor https://example.com/changelog"), auth.Mint("someone-else", connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.InboundDeliveries.CountAsync());
        Assert.Equal(0, await db.Monitors.CountAsync());
    }

    /// <summary>The README configures admins by AAD object id; the click's from.id is the 29:… Teams id. Either must do.</summary>
    [Theory]
    [InlineData("29:bob")]
    [InlineData("aad-29:bob")]
    public async Task An_approval_click_returns_the_decided_card_and_continues_the_run(string adminId)
    {
        await using var auth = await BotFrameworkAuthDouble.StartAsync();
        await using var connector = await BotConnectorDouble.StartAsync();
        await using var app = await StartAsync(StorageKind.Sqlite, auth, connector, adminId);
        app.Agent
            .Then(new AgentNeedsApproval(new PendingToolCall("call_1", "email:send",
                    "{\"to\":\"customer@acme.com\",\"subject\":\"Your refund\",\"body\":\"We refunded order 1042.\"}", "Send email to customer@acme.com", 30),
                "[transcript]", 12, [], "test/model"))
            .Then(new AgentCompleted("Emailed customer@acme.com", "reply sent", "Sent.", 8, ["email:send"], "test/model"));
        var client = app.CreateClient();

        await TeamsActivities.PostAsync(client,
            TeamsActivities.Message(connector.ServiceUrl, "<at>ChatBot</at> email the customer", id: "1700000000200"), auth.Mint(AppId, connector.ServiceUrl));
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));
        var request = connector.Requests.Single(r => r.Body.ToJsonString().Contains("Action.Execute"));
        Assert.Equal(("reply", "1700000000200"), (request.Kind, request.ActivityId));
        var requestCard = request.Body["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("Approval needed", requestCard);
        Assert.Contains("\"text\":\"Your refund\"", requestCard);
        Assert.Contains("\"text\":\"We refunded order 1042.\"", requestCard);

        var response = await TeamsActivities.PostAsync(client,
            TeamsActivities.CardAction(connector.ServiceUrl, "approve", new JsonObject { ["approvalId"] = approval.Id }, approval.RequestMessageId!),
            auth.Mint(AppId, connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("Approved by @Bob", body["value"]!.ToJsonString());
        Assert.DoesNotContain("Approval needed", body["value"]!.ToJsonString());
        Assert.Null(body["value"]!["actions"]);
        await app.WaitUntilAsync(async db => (await db.Runs.SingleAsync()).Status == RunStatus.Succeeded);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_message_is_answered_before_the_connector_has_answered_the_reply(StorageKind storage)
    {
        await using var auth = await BotFrameworkAuthDouble.StartAsync();
        await using var connector = await BotConnectorDouble.StartAsync();
        await using var app = await StartAsync(storage, auth, connector);
        var client = app.CreateClient();
        var release = new TaskCompletionSource();
        connector.Hold = release.Task;

        try
        {
            var response = await TeamsActivities.PostAsync(client,
                TeamsActivities.Message(connector.ServiceUrl, "<at>ChatBot</at> help", id: "1700000000300"), auth.Mint(AppId, connector.ServiceUrl));

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            await using var db = app.CreateDbContext();
            Assert.False((await db.OutboundMessages.SingleAsync()).IsSent);
        }
        finally
        {
            release.TrySetResult();
        }
        var reply = Assert.Single(await connector.WaitForRequestsAsync(1, "reply"));
        Assert.Equal("1700000000300", reply.ActivityId);
        await app.WaitUntilAsync(async db => (await db.OutboundMessages.SingleAsync()).SentAt != null);
    }

    [Fact]
    public async Task A_card_click_is_answered_with_the_card_from_the_database_while_the_connector_is_held()
    {
        await using var auth = await BotFrameworkAuthDouble.StartAsync();
        await using var connector = await BotConnectorDouble.StartAsync();
        await using var app = await StartAsync(StorageKind.Sqlite, auth, connector);
        app.Agent
            .Then(new AgentNeedsApproval(new PendingToolCall("call_1", "email:send", "{\"to\":\"customer@acme.com\"}", "Send email to customer@acme.com", 30),
                "[transcript]", 12, [], "test/model"))
            .Then(new AgentCompleted("Emailed customer@acme.com", "reply sent", "Sent.", 8, ["email:send"], "test/model"));
        var client = app.CreateClient();
        await TeamsActivities.PostAsync(client,
            TeamsActivities.Message(connector.ServiceUrl, "<at>ChatBot</at> email the customer", id: "1700000000400"), auth.Mint(AppId, connector.ServiceUrl));
        var approval = await app.WaitForAsync(db => db.Approvals.SingleOrDefaultAsync(a => a.RequestMessageId != null));
        var release = new TaskCompletionSource();
        connector.Hold = release.Task;

        try
        {
            var response = await TeamsActivities.PostAsync(client,
                TeamsActivities.CardAction(connector.ServiceUrl, "approve", new JsonObject { ["approvalId"] = approval.Id }, approval.RequestMessageId!),
                auth.Mint(AppId, connector.ServiceUrl));

            // The connector answers nothing while held, yet the invoke has its card: decided from the database alone.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Contains("Approved by @Bob", body["value"]!.ToJsonString());
            Assert.Null(body["value"]!["actions"]);
        }
        finally
        {
            release.TrySetResult();
        }
        await app.WaitUntilAsync(async db => (await db.Runs.SingleAsync()).Status == RunStatus.Succeeded);
    }
}
