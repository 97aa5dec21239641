using System.Text;
using System.Text.RegularExpressions;
using ChatBot.Core.Views;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Turns the Markdown-ish text the core and the model produce into Slack mrkdwn, so it reads as it does on
/// Teams. Slack treats &amp;, &lt; and &gt; as control characters (&lt;@U…&gt; pings people, &lt;!channel&gt;
/// pings everyone), so all text is escaped first and the only angle brackets in the output are the links and
/// channel references we build ourselves. Markdown's emphasis becomes Slack's; the characters Slack would read as
/// formatting but Markdown shows as written (pairs of <c>*</c>, <c>_</c>, <c>~</c>, <c>`</c> at word edges) are
/// kept from formatting with zero-width spaces, since mrkdwn has no escape character. Code spans pass through untouched.
/// </summary>
public static partial class SlackMrkdwn
{
    private const char ZeroWidthSpace = '\u200B';

    // Stand-ins for the formatting we emit, so that the literal characters left over can be told apart.
    private const char BoldMark = '\uE000';
    private const char ItalicMark = '\uE001';
    private const char StrikeMark = '\uE002';

    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Text shown exactly as written: escaped, and none of its characters taken as formatting.</summary>
    public static string Literal(string text) => Neutralize(Escape(text));

    /// <summary>A link in Slack's form; '|' would end the URL early, so it is percent-encoded there.</summary>
    public static string Link(string url, string label) =>
        $"<{Escape(url).Replace("|", "%7C")}|{Literal(label).Replace("|", "¦")}>";

    /// <summary>A channel reference Slack shows as the channel's name, linked; anything else as its label.</summary>
    public static string Channel(string channelId, string label) =>
        SlackChannelId().IsMatch(channelId) ? $"<#{channelId}>" : Literal(label);

    public static string FromMarkdown(string markdown)
    {
        var output = new StringBuilder(markdown.Length + 16);
        var position = 0;
        foreach (Match token in TokenPattern().Matches(markdown))
        {
            output.Append(Inline(markdown[position..token.Index]));
            if (token.Groups["code"].Success) output.Append('`').Append(Escape(token.Groups["code"].Value)).Append('`');
            else if (token.Groups["channel"].Success) output.Append(Channel(Uri.UnescapeDataString(token.Groups["channel"].Value), token.Groups["label"].Value));
            else output.Append(Link(token.Groups["url"].Value, token.Groups["label"].Value));
            position = token.Index + token.Length;
        }
        output.Append(Inline(markdown[position..]));
        return output.ToString();
    }

    private static string Inline(string text)
    {
        var escaped = Escape(text);
        escaped = HeadingPattern().Replace(escaped, $"{BoldMark}${{title}}{BoldMark}");
        escaped = BulletPattern().Replace(escaped, "${indent}• ");
        escaped = StrongPattern().Replace(escaped, m => $"{BoldMark}{m.Groups["inner"].Value}{BoldMark}");
        escaped = StrikePattern().Replace(escaped, m => $"{StrikeMark}{m.Groups["inner"].Value}{StrikeMark}");
        escaped = EmphasisPattern().Replace(escaped, m => $"{ItalicMark}{m.Groups["inner"].Value}{ItalicMark}");
        return Neutralize(escaped).Replace(BoldMark, '*').Replace(ItalicMark, '_').Replace(StrikeMark, '~');
    }

    /// <summary>
    /// Slack formats between a pair of the same character at word edges, so a run inside a word
    /// (<c>Agent__Provider</c>) or alone on its line (<c>~15 credits</c>) is left alone; runs that could pair up
    /// are fenced with zero-width spaces.
    /// </summary>
    private static string Neutralize(string text)
    {
        var paired = FormattingRun().Matches(text)
            .Where(run => !InsideWord(text, run))
            .GroupBy(run => (Line: text.AsSpan(0, run.Index).Count('\n'), Mark: run.Value[0]))
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Select(run => run.Index))
            .ToHashSet();
        return paired.Count == 0 ? text : FormattingRun().Replace(text, run =>
            paired.Contains(run.Index) ? $"{ZeroWidthSpace}{run.Value}{ZeroWidthSpace}" : run.Value);
    }

    private static bool InsideWord(string text, Match run) =>
        run.Index > 0 && char.IsLetterOrDigit(text[run.Index - 1])
        && run.Index + run.Length < text.Length && char.IsLetterOrDigit(text[run.Index + run.Length]);

    [GeneratedRegex(@"`(?<code>[^`\n]+)`|\[(?<label>[^\]\n]*)\]\(" + ChannelMention.Scheme + @":(?<channel>[^)\s]+)\)|\[(?<label>[^\]\n]+)\]\((?<url>https?://[^)\s]+)\)")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}*_])(?<mark>\*\*|__)(?=\S)(?<inner>[^\n]+?)(?<=\S)\k<mark>(?![\p{L}\p{N}*_])")]
    private static partial Regex StrongPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}~])(?<mark>~~?)(?=[^\s~])(?<inner>[^~\n]+?)(?<=\S)\k<mark>(?![\p{L}\p{N}~])")]
    private static partial Regex StrikePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}*_])(?<mark>[*_])(?=[^\s*_])(?<inner>[^\n]+?)(?<=[^\s*_])\k<mark>(?![\p{L}\p{N}*_])")]
    private static partial Regex EmphasisPattern();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<title>.+?)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^(?<indent>[ \t]*)[-*][ \t]+", RegexOptions.Multiline)]
    private static partial Regex BulletPattern();

    [GeneratedRegex(@"([*_~`])\1*")]
    private static partial Regex FormattingRun();

    [GeneratedRegex("^[A-Z0-9]+$")]
    private static partial Regex SlackChannelId();
}
