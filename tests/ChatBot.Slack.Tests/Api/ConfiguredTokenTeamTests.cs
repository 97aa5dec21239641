using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Slack.Api;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBot.Slack.Tests.Api;

/// <summary>
/// <c>Slack__BotToken</c> acts only for the team auth.test names: another workspace's post or history read is
/// refused before Slack is called, with a message that says why.
/// </summary>
public sealed class ConfiguredTokenTeamTests
{
    private const string BotTeam = "T0BOTTEAM";

    [Fact]
    public async Task The_configured_token_is_learned_recorded_and_used_only_for_its_own_team()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        slack.BotTeamId = BotTeam;
        var installations = new InMemorySlackInstallations();
        await using var services = SlackServices.For(slack, installations: installations);
        var learner = services.GetServices<IHostedService>().OfType<SlackConfiguredTokenTeamLearner>().Single();

        await learner.StartAsync(CancellationToken.None);
        await Eventually.HoldsAsync(() => Task.FromResult(installations.ConfiguredTokenTeams.ContainsKey(BotTeam)), what: "the bot token's team recorded");
        await learner.StopAsync(CancellationToken.None);

        Assert.Equal("Team " + BotTeam, installations.ConfiguredTokenTeams[BotTeam]);
        var messenger = services.GetRequiredService<SlackMessenger>();
        var history = services.GetServices<IChannelHistory>().Single(h => h.Platform == ChatPlatform.Slack);
        var elsewhere = new ChatAddress(ChatPlatform.Slack, "acme-isolation", "C0GENERAL");

        var post = await Assert.ThrowsAsync<PlatformNotConfiguredException>(() => messenger.PostAsync(elsewhere, new TextView("leak"), CancellationToken.None));
        var read = await Assert.ThrowsAsync<PlatformNotConfiguredException>(() =>
            history.ReadAsync(elsewhere, "C0GENERAL", DateTimeOffset.UtcNow.AddDays(-1), 10, CancellationToken.None));
        Assert.Contains("not connected to Slack", post.Message);
        Assert.Contains("not connected to Slack", read.Message);
        Assert.Empty(slack.CallsTo("chat.postMessage"));
        Assert.Empty(slack.CallsTo("conversations.history"));

        await messenger.PostAsync(new ChatAddress(ChatPlatform.Slack, BotTeam, "C0GENERAL"), new TextView("hello"), CancellationToken.None);
        Assert.Equal("Bearer " + SlackApiDouble.BotToken, Assert.Single(slack.CallsTo("chat.postMessage")).Authorization);
    }

    [Fact]
    public async Task Until_auth_test_answers_the_configured_token_is_used_for_no_team_and_the_call_is_left_to_a_retry()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        slack.BotTeamId = BotTeam;
        slack.DelayAuthTest = true;
        var installations = new InMemorySlackInstallations();
        await using var services = SlackServices.For(slack, installations: installations);
        var learner = services.GetServices<IHostedService>().OfType<SlackConfiguredTokenTeamLearner>().Single();
        await learner.StartAsync(CancellationToken.None);
        await slack.WaitForCallAsync("auth.test");
        var messenger = services.GetRequiredService<SlackMessenger>();
        var ownChannel = new ChatAddress(ChatPlatform.Slack, BotTeam, "C0GENERAL");

        var pending = await Assert.ThrowsAsync<SlackTokenTeamPendingException>(() => messenger.PostAsync(ownChannel, new TextView("too early"), CancellationToken.None));
        Assert.Contains("trying again later", pending.Message);
        Assert.Empty(slack.CallsTo("chat.postMessage"));
        Assert.Empty(installations.ConfiguredTokenTeams);

        slack.DelayAuthTest = false;
        await Eventually.HoldsAsync(() => Task.FromResult(installations.ConfiguredTokenTeams.ContainsKey(BotTeam)), what: "the bot token's team learned after the delay");
        await learner.StopAsync(CancellationToken.None);

        await messenger.PostAsync(ownChannel, new TextView("now"), CancellationToken.None);
        Assert.Equal("Bearer " + SlackApiDouble.BotToken, Assert.Single(slack.CallsTo("chat.postMessage")).Authorization);
        await Assert.ThrowsAsync<PlatformNotConfiguredException>(() =>
            messenger.PostAsync(new ChatAddress(ChatPlatform.Slack, "acme-isolation", "C0GENERAL"), new TextView("leak"), CancellationToken.None));
        Assert.Single(slack.CallsTo("chat.postMessage"));
    }
}
