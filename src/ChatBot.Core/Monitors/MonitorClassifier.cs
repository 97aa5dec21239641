namespace ChatBot.Core.Monitors;

/// <summary>Decides what kind of monitor a query makes: a URL is a page (or a feed when it looks like one); anything else is a topic.</summary>
public static class MonitorClassifier
{
    private static readonly string[] FeedHints = ["rss", "atom", "feed", ".xml"];

    public static MonitorKind Classify(string query)
    {
        if (UrlOf(query) is not { } uri) return MonitorKind.Topic;
        var path = uri.PathAndQuery.ToLowerInvariant();
        return FeedHints.Any(path.Contains) ? MonitorKind.Feed : MonitorKind.Page;
    }

    /// <summary>The http(s) URL a query consists of, or null for a topic.</summary>
    public static Uri? UrlOf(string query)
    {
        var trimmed = query.Trim().Trim('<', '>');
        // Slack wraps links as <url|label>.
        var bar = trimmed.IndexOf('|');
        if (bar > 0) trimmed = trimmed[..bar];
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;
    }
}
