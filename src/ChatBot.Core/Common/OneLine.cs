namespace ChatBot.Core.Common;

/// <summary>Text for a single chat line: every run of whitespace (line breaks too) becomes one space, and long text is cut at a word with an ellipsis.</summary>
public static class OneLine
{
    public const string Ellipsis = "…";

    public static string Of(string text, int maxLength)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Clip(line, maxLength);
    }

    /// <summary>Cuts at the last space that keeps a useful length (else mid-word) and ends with "…".</summary>
    public static string Clip(string line, int maxLength)
    {
        if (line.Length <= maxLength) return line;
        var cut = line.LastIndexOf(' ', maxLength - Ellipsis.Length);
        if (cut < maxLength / 2) cut = maxLength - Ellipsis.Length;
        return line[..cut].TrimEnd(' ', ',', ';', ':', '—', '-') + Ellipsis;
    }
}
