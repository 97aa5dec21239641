using System.Text;
using System.Text.RegularExpressions;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// Turns the Markdown-ish text the core and the model produce into Slack mrkdwn. Slack treats &amp;, &lt; and &gt;
/// as control characters (&lt;@U…&gt; pings people, &lt;!channel&gt; pings everyone), so all text is escaped first
/// and the only angle brackets in the output are the links we build ourselves.
/// </summary>
public static partial class SlackMrkdwn
{
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A link in Slack's form; '|' would end the URL early, so it is percent-encoded there.</summary>
    public static string Link(string url, string label) =>
        $"<{Escape(url).Replace("|", "%7C")}|{Escape(label).Replace("|", "¦")}>";

    public static string FromMarkdown(string markdown)
    {
        var output = new StringBuilder(markdown.Length + 16);
        var position = 0;
        foreach (Match link in MarkdownLinkPattern().Matches(markdown))
        {
            output.Append(Inline(markdown[position..link.Index]));
            output.Append(Link(link.Groups["url"].Value, link.Groups["label"].Value));
            position = link.Index + link.Length;
        }
        output.Append(Inline(markdown[position..]));
        return output.ToString();
    }

    private static string Inline(string text)
    {
        var escaped = Escape(text);
        escaped = BoldPattern().Replace(escaped, "*${inner}*");
        escaped = HeadingPattern().Replace(escaped, "*${title}*");
        return BulletPattern().Replace(escaped, "${indent}• ");
    }

    [GeneratedRegex(@"\[(?<label>[^\]\n]+)\]\((?<url>https?://[^)\s]+)\)")]
    private static partial Regex MarkdownLinkPattern();

    [GeneratedRegex(@"\*\*(?<inner>[^*\n]+?)\*\*|__(?<inner>[^_\n]+?)__")]
    private static partial Regex BoldPattern();

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<title>.+?)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^(?<indent>[ \t]*)[-*][ \t]+", RegexOptions.Multiline)]
    private static partial Regex BulletPattern();
}
