using ChatBot.Core.Commands;
using ChatBot.Core.Monitors;
using ChatBot.Slack.Inbound;

namespace ChatBot.Slack.Tests.Inbound;

/// <summary>Slack's link and channel markup become plain text before the command parser, which knows no platform's markup.</summary>
public sealed class SlackInboundTextTests
{
    [Theory]
    [InlineData("<https://example.com/feed.xml|example.com/feed.xml>", "https://example.com/feed.xml")]
    [InlineData("<https://example.com/pricing>", "https://example.com/pricing")]
    [InlineData("compare <https://a.example|a> and <http://b.example/x?y=1>", "compare https://a.example and http://b.example/x?y=1")]
    [InlineData("summarize <#C0FEEDBACK|customer-feedback>", "summarize [#customer-feedback](chat-channel:C0FEEDBACK)")]
    [InlineData("post in <#C0RECEIPTS|>", "post in [#C0RECEIPTS](chat-channel:C0RECEIPTS)")]
    [InlineData("AI funding news", "AI funding news")]
    [InlineData(null, "")]
    public void Links_become_their_urls_and_channels_neutral_mentions(string? slack, string plain) =>
        Assert.Equal(plain, SlackInboundText.ToPlainText(slack));

    [Fact]
    public void A_linked_monitor_query_and_a_linked_receipt_channel_parse_as_before()
    {
        Assert.Equal(new CreateMonitorCommand(Cadence.Weekly, "https://example.com/feed.xml"),
            CommandParser.ParseSlash("/weekly", SlackInboundText.ToPlainText("<https://example.com/feed.xml|example.com/feed.xml>")).Command);
        Assert.Equal(new ReceiptsCommand(ReceiptsAction.SetChannel, "C0123456"),
            CommandParser.ParseSlash("/receipts", SlackInboundText.ToPlainText("channel <#C0123456|general>")).Command);
    }
}
