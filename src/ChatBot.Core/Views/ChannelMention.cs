using System.Text.RegularExpressions;

namespace ChatBot.Core.Views;

/// <summary>
/// A channel named inside view text, neutral: <c>[label](chat-channel:id)</c>. Each renderer turns it into its
/// platform's own form (a Slack channel link, the label on Teams and in the playground), so no platform's markup
/// is written into text that another platform shows.
/// </summary>
public static partial class ChannelMention
{
    public const string Scheme = "chat-channel";

    /// <param name="label">What platforms without channel links show, e.g. "this channel" or "#general".</param>
    public static string Of(string channelId, string label) =>
        $"[{label.Replace('[', '(').Replace(']', ')')}]({Scheme}:{Uri.EscapeDataString(channelId)})";

    /// <summary>The text with every mention rendered by <paramref name="render"/>(channel id, label).</summary>
    public static string Render(string text, Func<string, string, string> render) =>
        Pattern().Replace(text, m => render(Uri.UnescapeDataString(m.Groups["id"].Value), m.Groups["label"].Value));

    [GeneratedRegex(@"\[(?<label>[^\]\n]*)\]\(" + Scheme + @":(?<id>[^)\s]+)\)")]
    public static partial Regex Pattern();
}
