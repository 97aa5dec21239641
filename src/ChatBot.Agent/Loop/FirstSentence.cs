namespace ChatBot.Agent.Loop;

/// <summary>
/// The first sentence of an answer's first line, for a receipt headline. A '.', '!' or '?' ends a sentence only
/// when whitespace or the end follows it, so version numbers (v1.2), decimals (3.5%), URLs and file names stay
/// whole; known abbreviations ("e.g.", "i.e.", "vs.") and single-letter initials do not end one either.
/// </summary>
public static class FirstSentence
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "etc", "vs", "cf", "approx", "incl", "no", "nr", "fig", "inc", "ltd", "co", "corp",
        "mr", "mrs", "ms", "dr", "prof", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    public static string Of(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Trim().TrimStart('#', ' ').Trim())
            .FirstOrDefault(l => l.Length > 0) ?? "";
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is not ('.' or '!' or '?')) continue;
            var next = i + 1;
            while (next < line.Length && line[next] is '.' or '!' or '?' or ')' or '"' or '\'' or '*') next++;
            if (next < line.Length && !char.IsWhiteSpace(line[next])) continue;
            if (line[i] == '.' && IsAbbreviation(line, i)) continue;
            return line[..i].TrimEnd();
        }
        return line;
    }

    /// <summary>Whether the word ending at the '.' at <paramref name="dot"/> is an abbreviation or an initial.</summary>
    private static bool IsAbbreviation(string line, int dot)
    {
        var start = dot;
        while (start > 0 && !char.IsWhiteSpace(line[start - 1]) && line[start - 1] != '(') start--;
        var word = line[start..dot];
        return Abbreviations.Contains(word) || (word.Length == 1 && char.IsUpper(word[0]));
    }
}
