using System.Net.Http.Json;
using ChatBot.Core.Agents;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Receipts;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Slack.Messaging;
using ChatBot.Teams.Auth;
using ChatBot.Teams.Connector;
using ChatBot.Teams.Messaging;
using ChatBot.Testing.Logging;
using ChatBot.Testing.Slack;
using ChatBot.Testing.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Server.Tests.Receipts;

/// <summary>
/// A platform answer saying the bot can no longer post in a conversation is final: the receipt is tried once,
/// the conversation stops being the default receipts channel, the dashboard alerts show it, one line is logged.
/// </summary>
public sealed class GoneChannelTests
{
    [Fact]
    public async Task A_receipt_to_a_Teams_conversation_the_bot_was_removed_from_is_tried_once_and_the_default_channel_is_cleared()
    {
        await using var auth = await BotFrameworkAuthDouble.StartAsync();
        await using var connector = await BotConnectorDouble.StartAsync();
        // More refusals than one attempt needs: a retry would be refused too, and show in the request count.
        for (var i = 0; i < 3; i++) connector.Failures.Enqueue((403, "BotNotInConversationRoster"));
        var logs = new RecordingLoggerProvider();
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Teams:AppId"] = "bot-app-id",
            ["Teams:AppPassword"] = "bot-secret",
            ["Teams:TenantId"] = TeamsActivities.TenantId,
            ["Teams:OpenIdMetadataUrl"] = auth.MetadataUrl,
            ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
        });
        app.ConfigureServices = services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<TeamsMessenger>());
            services.AddHttpClient(BotConnectorClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(connector.CreateTrustingHandler);
            services.AddHttpClient(MsalHttpClientFactory.HttpClientName).ConfigurePrimaryHttpMessageHandler(connector.CreateTrustingHandler);
        };
        var channel = new ChatAddress(ChatPlatform.Teams, TeamsActivities.TenantId, TeamsActivities.ChannelConversation, null, connector.ServiceUrl);
        _ = app.CreateClient();
        // As when the channel's activities arrived earlier: only service URLs seen inbound are posted to.
        app.Services.GetRequiredService<TrustedServiceUrls>().Remember(connector.ServiceUrl);

        await TriggerRunWithDefaultChannelAsync(app, channel);

        await AssertGoneAsync(app, logs, channel, "BotNotInConversationRoster");
        Assert.Single(connector.Requests);
    }

    [Fact]
    public async Task A_receipt_to_a_Slack_channel_that_was_not_found_is_tried_once_and_the_default_channel_is_cleared()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        for (var i = 0; i < 3; i++) slack.Failures.Enqueue(SlackScriptedFailure.Fails("channel_not_found"));
        var logs = new RecordingLoggerProvider();
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "gone-signing-secret",
            ["Slack:BotToken"] = SlackApiDouble.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        });
        app.ConfigureServices = services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        };
        var channel = new ChatAddress(ChatPlatform.Slack, "T0GONE", "C0GONE");

        await TriggerRunWithDefaultChannelAsync(app, channel);

        await AssertGoneAsync(app, logs, channel, "channel_not_found");
        Assert.Single(slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task The_workspace_admins_the_bot_knows_hear_in_a_direct_message_that_the_default_channel_was_cleared()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        slack.Failures.Enqueue(SlackScriptedFailure.Fails("is_archived"));
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "gone-signing-secret",
            ["Slack:BotToken"] = SlackApiDouble.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        });
        app.ConfigureServices = services => services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        var channel = new ChatAddress(ChatPlatform.Slack, "T0GONE", "C0GONE");
        _ = app.CreateClient();
        await using (var db = app.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            var admin = new ChatBot.Core.Users.KnownUser(ChatPlatform.Slack, channel.WorkspaceId, "U0ADMIN", now);
            admin.RecordRole(isAdmin: true, "Ada", now);
            var member = new ChatBot.Core.Users.KnownUser(ChatPlatform.Slack, channel.WorkspaceId, "U0MEMBER", now);
            member.RecordRole(isAdmin: false, "Mo", now);
            var otherWorkspaceAdmin = new ChatBot.Core.Users.KnownUser(ChatPlatform.Slack, "T0OTHER", "U0ELSEWHERE", now);
            otherWorkspaceAdmin.RecordRole(isAdmin: true, "Eve", now);
            db.KnownUsers.AddRange(admin, member, otherWorkspaceAdmin);
            await db.SaveChangesAsync();
        }

        await TriggerRunWithDefaultChannelAsync(app, channel);

        var notice = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "DU0ADMIN");
        Assert.Contains("no longer the default receipts channel", notice.Arg("text"));
        Assert.Contains("is_archived", notice.Arg("text"));
        Assert.Contains("<#C0GONE>", notice.Arg("text"));
        // Every outbox row has finished: the admin's notice was the only direct message.
        await app.WaitUntilAsync(async db => !await db.OutboundMessages.AnyAsync(m => m.SentAt == null && m.FailedAt == null));
        Assert.Equal(["U0ADMIN"], slack.CallsTo("conversations.open").Select(c => c.Arg("users")));
        await using (var db = app.CreateDbContext())
            Assert.Null((await db.Workspaces.SingleAsync(w => w.Id == channel.WorkspaceId)).Receipts.DefaultChannel);
    }

    /// <summary>An API run has no channel of its own, so its receipt goes to the workspace's default channel.</summary>
    private static async Task TriggerRunWithDefaultChannelAsync(ChatBotAppFactory app, ChatAddress channel)
    {
        app.Agent.Then(new AgentCompleted("Checked the deploy", "all green", "Deploy 7 is healthy.", 3, [], null));
        using var client = app.CreateClient(await app.IssueTokenAsync(channel.WorkspaceId, TokenScopes.Trigger));
        await using (var db = app.CreateDbContext())
        {
            var workspace = await db.Workspaces.SingleAsync(w => w.Id == channel.WorkspaceId);
            workspace.Receipts.DefaultChannel = channel;
            // As the channel's activities arriving earlier would: only a recorded tenant posts in Teams.
            if (channel.Platform == ChatPlatform.Teams) workspace.RecordTeamsTenant();
            await db.SaveChangesAsync();
        }
        (await client.PostAsJsonAsync($"/api/workspace/{channel.WorkspaceId}/trigger", new { task = "check the deploy" })).EnsureSuccessStatusCode();
    }

    private static async Task AssertGoneAsync(ChatBotAppFactory app, RecordingLoggerProvider logs, ChatAddress channel, string reason)
    {
        var receipt = await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status != ReceiptDeliveryStatus.Pending));
        Assert.Equal(ReceiptDeliveryStatus.Failed, receipt.Status);
        Assert.Equal(1, receipt.Attempts);
        Assert.Contains(reason, receipt.LastError);

        await using (var db = app.CreateDbContext())
        {
            var settings = (await db.Workspaces.SingleAsync(w => w.Id == channel.WorkspaceId)).Receipts;
            Assert.Null(settings.DefaultChannel);
            Assert.Equal(new GoneChannel(channel.Platform, channel.ChannelId, reason, true, settings.LastGoneChannel!.At), settings.LastGoneChannel);
        }

        using var ops = app.CreateClient();
        ops.UseOpsCredentials();
        var alerts = (await (await ops.GetAsync("/api/dashboard")).JsonAsync()).GetProperty("alerts").EnumerateArray();
        var alert = Assert.Single(alerts, a => a.GetProperty("code").GetString() == "CHANNEL_GONE");
        Assert.Contains(channel.ChannelId, alert.GetProperty("message").GetString());
        Assert.Contains("default receipts channel", alert.GetProperty("message").GetString());

        var gone = Assert.Single(logs.Logs, l => l.Message.Contains(channel.ChannelId) && l.Level >= LogLevel.Warning);
        Assert.Null(gone.Exception);
        Assert.DoesNotContain(logs.Logs, l => l.Level >= LogLevel.Warning && l.Exception is not null);
    }
}
