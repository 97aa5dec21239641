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
    public async Task A_second_post_to_the_same_channel_waits_for_its_slot_while_another_channel_goes_at_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var slack = await SlackApiDouble.StartAsync();
        await using var provider = SlackServices.For(slack, configure: s => s.AddSingleton<TimeProvider>(time));
        var messenger = provider.GetRequiredService<SlackMessenger>();
        var general = new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, "C0GENERAL");

        await messenger.PostAsync(general, new TextView("first"), CancellationToken.None);
        var second = messenger.PostAsync(general, new TextView("second"), CancellationToken.None);
        await messenger.PostAsync(general with { ChannelId = "C0OTHER" }, new TextView("elsewhere"), CancellationToken.None);

        Assert.False(second.IsCompleted);
        Assert.DoesNotContain(slack.CallsTo("chat.postMessage"), c => c.Arg("text") == "second");
        time.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.Equal(["first", "elsewhere", "second"], slack.CallsTo("chat.postMessage").Select(c => c.Arg("text")));
    }

    [Fact]
    public async Task A_slot_further_off_than_the_inline_wait_limit_posts_at_once_and_leaves_braking_to_slack()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var slack = await SlackApiDouble.StartAsync();
        await using var provider = SlackServices.For(slack, extra: new Dictionary<string, string?> { ["Slack:PostInterval"] = "00:00:02", ["Slack:MaxInlineRetryDelay"] = "00:00:03" },
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
