using System.Text.RegularExpressions;

namespace ChatBot.Agent.Monitors;

/// <summary>
/// A line as a change detector should compare it: whitespace collapsed and the parts that tick by themselves
/// (dates, times, counters like "1,204 views") masked, so a page whose only change is its clock or view count
/// does not count as changed.
/// </summary>
public static partial class MaterialText
{
    public static string Mask(string line)
    {
        var masked = IsoDate().Replace(line, "‹date›");
        masked = WrittenDate().Replace(masked, "‹date›");
        masked = Time().Replace(masked, "‹time›");
        masked = RelativeTime().Replace(masked, "‹ago›");
        masked = Counter().Replace(masked, "‹n› $1");
        return string.Join(' ', masked.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?(?:\s+\d{4})?\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|utc|gmt)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Time();

    [GeneratedRegex(@"\b(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b|\b(?:just now|yesterday|today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeTime();

    // Only numbers that count something ticking by itself; a price or a version number changing is news.
    [GeneratedRegex(@"\d[\d,.]*[km]?\s*(views?|comments?|likes?|shares?|followers?|stars?|forks?|downloads?|visitors?|reads?|replies|reply|votes?|points?|reactions?|watching|online)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Counter();
}
