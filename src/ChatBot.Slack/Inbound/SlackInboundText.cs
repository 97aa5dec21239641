using System.Text.RegularExpressions;
using ChatBot.Core.Views;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Slack's message markup turned into the plain text the command parser reads: a link <c>&lt;https://x|label&gt;</c>
/// becomes its URL, a channel <c>&lt;#C123|general&gt;</c> becomes a neutral <see cref="ChannelMention"/>. Other
/// platforms' adapters send plain text already, so no platform's markup reaches Core.
/// </summary>
public static partial class SlackInboundText
{
    public static string ToPlainText(string? text) =>
        ChannelPattern().Replace(LinkPattern().Replace(text ?? "", m => m.Groups["url"].Value),
            m => ChannelMention.Of(m.Groups["id"].Value, "#" + (m.Groups["name"].Value is { Length: > 0 } name ? name : m.Groups["id"].Value)));

    [GeneratedRegex(@"<(?<url>https?://[^|>\s]+)(\|[^>]*)?>")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"<#(?<id>[A-Z0-9]+)(\|(?<name>[^>]*))?>")]
    private static partial Regex ChannelPattern();
}
