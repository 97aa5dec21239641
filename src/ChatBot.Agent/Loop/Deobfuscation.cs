using System.Text.RegularExpressions;

namespace ChatBot.Agent.Loop;

/// <summary>
/// Undoes the usual ways of writing an address so that filters miss it ("secrets (at) evil (dot) example",
/// "evil[.]example", "hxxp://"), so that a target spelled out that way in fetched content is still known to
/// come from there.
/// </summary>
public static partial class Deobfuscation
{
    public static string Reveal(string text)
    {
        var revealed = BracketedAt().Replace(text, "@");
        revealed = BracketedDot().Replace(revealed, ".");
        revealed = ShoutedAt().Replace(revealed, "@");
        revealed = ShoutedDot().Replace(revealed, ".");
        return DefangedScheme().Replace(revealed, "http${secure}://");
    }

    [GeneratedRegex(@"\s*[\(\[\{<]\s*(?:at|@)\s*[\)\]\}>]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BracketedAt();

    [GeneratedRegex(@"\s*[\(\[\{<]\s*(?:dot|\.)\s*[\)\]\}>]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BracketedDot();

    // Only the upper-case words: "meet me at noon" is prose, "secrets AT evil DOT example" is an address.
    [GeneratedRegex(@"(?<=[\p{L}\p{N}])\s+AT\s+(?=[\p{L}\p{N}])")]
    private static partial Regex ShoutedAt();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])\s+DOT\s+(?=[\p{L}\p{N}])")]
    private static partial Regex ShoutedDot();

    [GeneratedRegex(@"\bhxxp(?<secure>s?)(?::|\[:\])//", RegexOptions.IgnoreCase)]
    private static partial Regex DefangedScheme();
}
