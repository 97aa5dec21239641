using System.Net;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Teams.History;
using ChatBot.Teams.Tests.Infrastructure;
using ChatBot.Testing.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Teams.Tests.History;

/// <summary>
/// teams:history's adapter against the Graph double: the channel messages delta query, cached per channel, the
/// team's group id learned from a signed inbound activity, and the errors a run's agent gets to read.
/// </summary>
public sealed class TeamsChannelHistoryTests
{
    private const string Feedback = "19:feedback@thread.tacv2";
    private static readonly ChatAddress Run = new(ChatPlatform.Teams, TeamsActivities.TenantId, TeamsActivities.ChannelConversation, null, null);

    private static async Task<(TeamsHost Host, GraphDouble Graph, IChannelHistory History)> StartAsync(bool teachTeam = true)
    {
        var graph = await GraphDouble.StartAsync();
        var host = await TeamsHost.StartAsync(settings: new Dictionary<string, string?> { ["Teams:GraphBaseUrl"] = graph.GraphBaseUrl });
        if (teachTeam)
        {
            // Installing the app in a team: a conversationUpdate whose channelData names the team's group.
            var update = TeamsActivities.InTeam(TeamsActivities.Message(host.Connector.ServiceUrl, ""));
            update["type"] = "conversationUpdate";
            var response = await TeamsActivities.PostAsync(host.Client, update, host.GoodToken());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
        var history = host.Services.GetServices<IChannelHistory>().Single(h => h.Platform == ChatPlatform.Teams);
        return (host, graph, history);
    }

    private static GraphChannelMessage Said(string id, DateTimeOffset at, string author, string html) => new(id, at, author, html);

    [Fact]
    public async Task Reads_a_channels_messages_since_a_time_as_plain_text_then_only_what_changed()
    {
        var (host, graph, history) = await StartAsync();
        await using var _ = host;
        await using var __ = graph;
        var now = DateTimeOffset.UtcNow;
        var channel = TeamsActivities.ChannelConversation;
        graph.Post(channel, Said("1000", now.AddHours(-30), "Old", "<p>too old to count</p>"));
        for (var i = 0; i < 55; i++) graph.Post(channel, Said($"2{i:D3}", now.AddHours(-20).AddMinutes(i), "Ada", $"<p>note {i}</p>"));
        graph.Post(channel, Said("3000", now.AddHours(-5), "Grace", "<div><p>Checkout is <b>slow</b> on mobile,</p><p><at id=\"0\">Bob</at> can you look? <emoji alt=\"🙏\"></emoji></p></div>"));
        graph.Post(channel, new GraphChannelMessage("3001", now.AddHours(-4), "", "<systemEventMessage/>", "systemEventMessage"));
        graph.Post(channel, Said("3002", now.AddHours(-3), "Linus", "<p>oops</p>") with { Deleted = now.AddHours(-3) });

        var first = await history.ReadAsync(Run, channel, now.AddHours(-24), 400, CancellationToken.None);

        Assert.Equal(56, first.Count);
        Assert.Equal("note 0", first[0].Text);
        var grace = first[^1];
        Assert.Equal(("Grace", "Checkout is slow on mobile,\n@Bob can you look? 🙏"), (grace.Author, grace.Text));
        Assert.DoesNotContain(first, m => m.Text.Contains("too old") || m.Text.Contains("oops") || m.Id == "3001");
        var initial = graph.DeltaRequests;
        Assert.Equal(2, initial.Count); // 50 a page, the second reached through @odata.nextLink
        Assert.Contains("lastModifiedDateTime%20gt%20", initial[0].Query);
        Assert.Contains($"/v1.0/teams/{TeamsActivities.TeamGroupId}/channels/{channel}/messages/delta", initial[0].Path);
        Assert.All(graph.Requests, r => Assert.Equal("Bearer " + GraphDouble.AccessToken, r.Authorization));
        Assert.Contains(host.Connector.TokenRequests, t => t.Tenant == TeamsActivities.TenantId && t.Form["scope"].Contains("graph.microsoft.com"));

        // Later: one new message, one edited, one deleted. The second read replays the delta link and gets only those.
        graph.Post(channel, Said("4000", now.AddMinutes(-1), "Ada", "<p>Export to CSV please</p>"));
        graph.Post(channel, Said("2000", now.AddHours(-20), "Ada", "<p>note 0 (edited)</p>") with { LastModified = now });
        graph.Post(channel, Said("2001", now.AddHours(-20).AddMinutes(1), "Ada", "") with { Deleted = now });

        var second = await history.ReadAsync(Run, channel, now.AddHours(-24), 400, CancellationToken.None);

        var resumed = graph.DeltaRequests.Skip(2).ToList();
        Assert.True(resumed is [{ IsDeltaResume: true }], string.Join("\n", resumed.Select(r => r.Path + r.Query)));
        Assert.Equal(56, second.Count);
        Assert.Equal("note 0 (edited)", second[0].Text);
        Assert.DoesNotContain(second, m => m.Id == "2001");
        Assert.Equal("Export to CSV please", second[^1].Text);
    }

    [Fact]
    public async Task A_channel_named_as_people_write_it_is_found_in_the_teams_channel_list_once()
    {
        var (host, graph, history) = await StartAsync();
        await using var _ = host;
        await using var __ = graph;
        var now = DateTimeOffset.UtcNow;
        graph.AddChannel(TeamsActivities.TeamGroupId, TeamsActivities.ChannelConversation, "General");
        graph.AddChannel(TeamsActivities.TeamGroupId, Feedback, "Customer Feedback");
        graph.Post(Feedback, Said("5000", now.AddHours(-2), "Grace", "<p>Love the new search</p>"));

        var messages = await history.ReadAsync(Run, "#customer-feedback", now.AddHours(-24), 400, CancellationToken.None);
        await history.ReadAsync(Run, "#customer-feedback", now.AddHours(-24), 400, CancellationToken.None);

        Assert.Equal("Love the new search", Assert.Single(messages).Text);
        Assert.Single(graph.Requests, r => r.Path.EndsWith("/channels", StringComparison.Ordinal));
        Assert.All(graph.DeltaRequests, r => Assert.Contains(Feedback, r.Path));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => history.ReadAsync(Run, "#nowhere", now.AddHours(-24), 400, CancellationToken.None));
        Assert.Contains("#nowhere", missing.Message);
    }

    [Fact]
    public async Task A_team_that_never_consented_to_reading_channel_messages_gets_an_error_that_says_so()
    {
        var (host, graph, history) = await StartAsync();
        await using var _ = host;
        await using var __ = graph;
        graph.WithoutConsent.Add(TeamsActivities.TeamGroupId);

        var error = await Assert.ThrowsAsync<GraphException>(() =>
            history.ReadAsync(Run, TeamsActivities.ChannelConversation, DateTimeOffset.UtcNow.AddHours(-24), 400, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Contains("ChannelMessage.Read.Group", error.Message);
        Assert.Contains("team owner", error.Message);
    }

    [Fact]
    public async Task A_channel_whose_team_the_bot_has_not_heard_from_is_refused_before_asking_graph()
    {
        var (host, graph, history) = await StartAsync(teachTeam: false);
        await using var _ = host;
        await using var __ = graph;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            history.ReadAsync(Run, TeamsActivities.ChannelConversation, DateTimeOffset.UtcNow.AddHours(-24), 400, CancellationToken.None));

        Assert.Contains("which team", error.Message);
        Assert.Empty(graph.Requests);
    }
}
