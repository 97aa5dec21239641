using System.Net;
using System.Net.Http.Json;
using ChatBot.Core.Agents;
using ChatBot.Core.Messaging;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Slack.Messaging;
using ChatBot.Testing.Slack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Api;

/// <summary>
/// Workspace isolation on Slack: <c>Slack__BotToken</c> acts only for the team auth.test says it belongs to, so a
/// workspace of another team (or of none) cannot make the server read from or post to that team's channels.
/// </summary>
public sealed class SlackIsolationTests
{
    private const string BotTeam = "T0BOTTEAM";
    private const string Unrelated = "acme-isolation";
    private const string Channel = "C0GENERAL";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_unrelated_workspace_cannot_answer_in_the_bot_tokens_team_but_that_team_can(StorageKind storage)
    {
        await using var slack = await SlackApiDouble.StartAsync();
        slack.BotTeamId = BotTeam;
        await using var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = "isolation-signing-secret",
            ["Slack:BotToken"] = SlackApiDouble.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
        });
        app.ConfigureServices = services => services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        app.Agent.Then(new AgentCompleted("Answered in the team's channel", "done", "The answer.", 1, [], "test/model"));
        // Learned from auth.test at startup and recorded, so the request decides from the database.
        await app.WaitUntilAsync(db => db.BotInstallations.AnyAsync(i => i.WorkspaceId == BotTeam));

        using var unrelated = app.CreateClient(await app.IssueTokenAsync(Unrelated, TokenScopes.Trigger));
        var url = $"/api/workspace/{Unrelated}/trigger";
        var toChannel = await unrelated.PostAsJsonAsync(url, new { task = "read #general and post here", responseDestination = new { slackChannelId = Channel } });
        var bareChannel = await unrelated.PostAsJsonAsync(url, new { task = "read #general and post here", channel = "#general" });

        var error = await toChannel.JsonAsync();
        Assert.Equal(HttpStatusCode.Forbidden, toChannel.StatusCode);
        Assert.Equal("NOT_A_SLACK_WORKSPACE", error.GetProperty("code").GetString());
        Assert.Equal(403, error.GetProperty("status").GetInt32());
        Assert.Contains("not connected to a Slack team", error.GetProperty("error").GetString());
        // A bare channel is never taken for a Slack channel: the workspace is connected to no platform to place it on.
        Assert.Equal("CHANNEL_PLATFORM_UNKNOWN", await bareChannel.ErrorCodeAsync(400));
        await using (var db = app.CreateDbContext())
            Assert.False(await db.Runs.AnyAsync(r => r.WorkspaceId == Unrelated));
        Assert.Empty(slack.CallsTo("chat.postMessage"));
        Assert.Empty(slack.CallsTo("conversations.history"));

        using var team = app.CreateClient(await app.IssueTokenAsync(BotTeam, TokenScopes.Trigger));
        var accepted = await team.PostAsJsonAsync($"/api/workspace/{BotTeam}/trigger", new { task = "post the answer", responseDestination = new { slackChannelId = Channel } });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var posted = await slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == Channel);
        Assert.Equal("Bearer " + SlackApiDouble.BotToken, posted.Authorization);
        var runId = (await accepted.JsonAsync()).GetProperty("run_id").GetString();
        await app.WaitUntilAsync(db => db.Runs.AnyAsync(r => r.Id == runId && r.Status == RunStatus.Succeeded));
    }
}
