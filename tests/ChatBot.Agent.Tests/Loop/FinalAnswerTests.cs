using ChatBot.Agent.Loop;

namespace ChatBot.Agent.Tests.Loop;

/// <summary>The receipt headline taken from an answer without a HEADLINE line: the first real sentence, capped with an ellipsis.</summary>
public sealed class FinalAnswerTests
{
    [Theory]
    [InlineData("Acme changelog: v1.2 adds SSO and audit logs. Also fixes.", "Acme changelog: v1.2 adds SSO and audit logs")]
    [InlineData("Revenue grew 3.5% in Q3. Costs were flat.", "Revenue grew 3.5% in Q3")]
    [InlineData("See https://example.com/docs/v2.0/index.html for the new API. It moved.", "See https://example.com/docs/v2.0/index.html for the new API")]
    [InlineData("Three tools changed, e.g. the exporter and the CLI. The rest did not.", "Three tools changed, e.g. the exporter and the CLI")]
    [InlineData("Compared the plans vs. last year's. Both are fine.", "Compared the plans vs. last year's")]
    [InlineData("Signed off by J. Smith today. Next week: launch.", "Signed off by J. Smith today")]
    [InlineData("Deployed release 2026.11.3! Nothing broke.", "Deployed release 2026.11.3")]
    [InlineData("Is the build green? Yes.", "Is the build green")]
    [InlineData("## Weekly report\nEverything shipped.", "Weekly report")]
    [InlineData("Updated config.yaml and README.md", "Updated config.yaml and README.md")]
    public void Headline_is_the_first_sentence(string answer, string expected) =>
        Assert.Equal(expected, FinalAnswer.Parse(answer).Headline);

    [Fact]
    public void A_long_first_sentence_is_cut_at_a_word_with_an_ellipsis()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("lengthy", 30)) + ". Short second.";

        var headline = FinalAnswer.Parse(sentence).Headline;

        Assert.True(headline.Length <= 120, headline);
        Assert.EndsWith("lengthy…", headline);
    }

    [Fact]
    public void An_explicit_headline_wins_and_is_one_line()
    {
        var answer = FinalAnswer.Parse("HEADLINE: Checked v1.2 of the API\nOUTCOME: 2 changes\n\nBody. More.");

        Assert.Equal("Checked v1.2 of the API", answer.Headline);
        Assert.Equal("2 changes", answer.Summary);
        Assert.Equal("Body. More.", answer.Output);
    }
}
