using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Agents;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Receipts;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Slack.Messaging;
using ChatBot.Testing.Slack;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Slack;

/// <summary>
/// Multi-workspace mode (no Slack__BotToken): "Add to Slack" through the real server stores the team's token
/// encrypted, names its workspace, greets the installer, and that team's mentions are answered with its token.
/// </summary>
public sealed class SlackInstallEndToEndTests
{
    private const string SigningSecret = "install-signing-secret";
    private const string Team = "T0INSTALLED";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    /// <summary>The server in multi-workspace mode against the Slack double, posting through the real Slack messenger.</summary>
    private static async Task<ChatBotAppFactory> StartAsync(StorageKind storage, SlackApiDouble slack)
    {
        var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ClientId"] = SlackApiDouble.ClientId,
            ["Slack:ClientSecret"] = SlackApiDouble.ClientSecret,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        });
        app.ConfigureServices = services => services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        return app;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_install_stores_the_token_encrypted_greets_the_installer_and_the_team_is_served_with_its_own_token(StorageKind storage)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var app = await StartAsync(storage, slack);
        app.Agent.Then(new AgentCompleted("Answered", "ok", "Hello from the installed bot.", 1, [], "test/model"));
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        slack.InstallCodes["install-code"] = (Team, "Installed Co", "U0INSTALLER");

        var authorize = await browser.GetAsync("/slack/install");
        var state = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["state"].ToString();
        var callback = await browser.GetAsync($"/slack/oauth/callback?code=install-code&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var token = SlackApiDouble.InstalledTokenFor(Team);
        await using (var db = app.CreateDbContext())
        {
            var installation = await db.BotInstallations.SingleAsync();
            Assert.Equal((ChatPlatform.Slack, Team, "U0INSTALLER"), (installation.Platform, installation.WorkspaceId, installation.InstalledBy));
            Assert.DoesNotContain(token, installation.ProtectedBotToken);
            Assert.Equal("Installed Co", (await db.Workspaces.SingleAsync(w => w.Id == Team)).Name);
        }
        // The greeting is a DM to the installer, posted by a job with the team's new token.
        var greeting = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains("Thanks for installing ChatBot") == true);
        Assert.Equal("DU0INSTALLER", greeting.Arg("channel"));
        Assert.Equal("Bearer " + token, greeting.Authorization);

        var mention = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = Team,
            ["event_id"] = "EvInstalled1",
            ["authorizations"] = new JsonArray(new JsonObject { ["user_id"] = "UBOT" + Team, ["is_bot"] = true }),
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0ADA", ["text"] = $"<@UBOT{Team}> say hello", ["ts"] = "1700000300.000100", ["channel"] = "C0INST" },
        }.ToJsonString();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(new SlackRequestSigner(SigningSecret).Json("/slack/events", mention))).StatusCode);

        var answer = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text") == "Hello from the installed bot.");
        Assert.Equal("Bearer " + token, answer.Authorization);
        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_replayed_callback_with_the_same_cookie_installs_and_greets_only_once(StorageKind storage)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var app = await StartAsync(storage, slack);
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        slack.InstallCodes["replayed-code"] = (Team, "Installed Co", "U0INSTALLER");

        var authorize = await browser.GetAsync("/slack/install");
        var state = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["state"].ToString();
        var cookie = authorize.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var callback = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth/callback?code=replayed-code&state={Uri.EscapeDataString(state)}");
            callback.Headers.Add("Cookie", cookie);
            statuses.Add((await browser.SendAsync(callback)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], statuses);
        Assert.Single(slack.CallsTo("oauth.v2.access"));
        await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("text")?.Contains("Thanks for installing ChatBot") == true);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.OutboundMessages.CountAsync());
    }
}
