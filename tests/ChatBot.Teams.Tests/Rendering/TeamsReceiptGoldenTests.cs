using ChatBot.Teams.Rendering;
using ChatBot.Testing.Receipts;

namespace ChatBot.Teams.Tests.Rendering;

/// <summary>
/// Receipts as Teams shows them, pinned in Rendering/Golden: a card of exactly two text lines under Teams' own
/// message header (the app's name and the post's time), and a two-line notification summary.
/// </summary>
public sealed class TeamsReceiptGoldenTests
{
    [Theory]
    [InlineData("success")]
    [InlineData("denial")]
    [InlineData("failure")]
    public void A_receipt_is_exactly_two_lines_in_teams(string kind)
    {
        var activity = TeamsCardRenderer.Render(ReferenceReceipts.All[kind]);

        var body = Assert.Single(activity.Attachments!).Content!["body"]!.AsArray();
        Assert.All(body, block => Assert.Equal("TextBlock", block!["type"]!.GetValue<string>()));
        var shown = string.Join("\n", body.Select(block => block!["text"]!.GetValue<string>())) + "\n";
        Assert.Equal(ReferenceReceipts.Golden("Rendering/Golden", $"teams-{kind}.txt"), shown);
        Assert.Equal(2, activity.Summary!.Split('\n').Length);
    }
}
