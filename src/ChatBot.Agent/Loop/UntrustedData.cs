namespace ChatBot.Agent.Loop;

/// <summary>
/// Wraps what tools bring in from outside (pages, feeds, search results, channel history) so the model reads it
/// as data. The closing tag cannot be forged from inside: any occurrence in the content is defused.
/// </summary>
public static class UntrustedData
{
    public const string Tag = "untrusted-data";

    public static string Wrap(string source, string content)
    {
        var defused = content.Replace("<" + Tag, "<\u200B" + Tag, StringComparison.OrdinalIgnoreCase)
            .Replace("</" + Tag, "</\u200B" + Tag, StringComparison.OrdinalIgnoreCase);
        return $"<{Tag} source=\"{source}\">\n{defused}\n</{Tag}>";
    }
}
