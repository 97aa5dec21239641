using System.Text.Json.Nodes;
using ChatBot.Slack.Rendering;
using ChatBot.Testing.Receipts;

namespace ChatBot.Slack.Tests.Rendering;

/// <summary>
/// Receipts as Slack shows them, pinned in Rendering/Golden: exactly two lines under Slack's own message header
/// (the app's name and the post's time), in the blocks and in the notification text alike.
/// </summary>
public sealed class SlackReceiptGoldenTests
{
    private readonly SlackBlockRenderer _renderer = new();

    [Theory]
    [InlineData("success")]
    [InlineData("denial")]
    [InlineData("failure")]
    public void A_receipt_is_exactly_two_lines_in_slack(string kind)
    {
        var message = _renderer.Render(ReferenceReceipts.All[kind]);

        var shown = string.Join("\n", message.Blocks.Select(VisibleText)) + "\n";
        Assert.Equal(ReferenceReceipts.Golden("Rendering/Golden", $"slack-{kind}.txt"), shown);
        Assert.Equal(["section", "context"], message.Blocks.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal(2, message.Text.Split('\n').Length);
    }

    private static string VisibleText(JsonNode? block) => block!["type"]!.GetValue<string>() switch
    {
        "section" => block["text"]!["text"]!.GetValue<string>(),
        "context" => string.Join(" ", block["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>())),
        var type => throw new InvalidOperationException($"A receipt has no {type} block."),
    };
}
