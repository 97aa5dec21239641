using ChatBot.Core.Chat;
using ChatBot.Core.Views;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests.Api;

/// <summary>Posts to one channel are spaced a second apart on the clock the adapter is given; other channels don't wait.</summary>
public sealed class SlackChannelPacerTests
{
    [Fact]
    public async Task A_burst_to_one_channel_goes_at_once_then_the_next_post_waits_its_turn_while_another_channel_does_not()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var slack = await SlackApiDouble.StartAsync();
        await using var provider = SlackServices.For(slack, configure: s => s.AddSingleton<TimeProvider>(time));
        var messenger = provider.GetRequiredService<SlackMessenger>();
        var general = new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, "C0GENERAL");

        for (var i = 1; i <= 4; i++) await messenger.PostAsync(general, new TextView($"burst {i}"), CancellationToken.None);
        var fifth = messenger.PostAsync(general, new TextView("fifth"), CancellationToken.None);
        await messenger.PostAsync(general with { ChannelId = "C0OTHER" }, new TextView("elsewhere"), CancellationToken.None);

        Assert.False(fifth.IsCompleted);
        Assert.DoesNotContain(slack.CallsTo("chat.postMessage"), c => c.Arg("text") == "fifth");
        time.Advance(TimeSpan.FromSeconds(1));
        await fifth;
        Assert.Equal(["burst 1", "burst 2", "burst 3", "burst 4", "elsewhere", "fifth"], slack.CallsTo("chat.postMessage").Select(c => c.Arg("text")));
    }

    [Fact]
    public async Task A_slot_further_off_than_the_inline_wait_limit_posts_at_once_and_leaves_braking_to_slack()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var slack = await SlackApiDouble.StartAsync();
        await using var provider = SlackServices.For(slack, extra: new Dictionary<string, string?> { ["Slack:PostInterval"] = "00:00:02", ["Slack:PostBurst"] = "1", ["Slack:MaxInlineRetryDelay"] = "00:00:03" },
            configure: s => s.AddSingleton<TimeProvider>(time));
        var messenger = provider.GetRequiredService<SlackMessenger>();
        var general = new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, "C0GENERAL");

        await messenger.PostAsync(general, new TextView("one"), CancellationToken.None);
        var two = messenger.PostAsync(general, new TextView("two"), CancellationToken.None);
        // Its slot would be 4 s away, more than the 3 s a post may wait here.
        await messenger.PostAsync(general, new TextView("three"), CancellationToken.None);

        Assert.False(two.IsCompleted);
        Assert.Contains(slack.CallsTo("chat.postMessage"), c => c.Arg("text") == "three");
        time.Advance(TimeSpan.FromSeconds(2));
        await two;
    }
}
