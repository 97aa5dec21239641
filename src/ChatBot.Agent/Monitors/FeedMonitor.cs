using System.ServiceModel.Syndication;
using System.Xml;
using ChatBot.Agent.Content;
using ChatBot.Agent.Egress;
using ChatBot.Core.Monitors;

namespace ChatBot.Agent.Monitors;

/// <summary>
/// Watches an RSS or Atom feed: each item not seen before is a detection. The first check records what is
/// already there without reporting it.
/// </summary>
public sealed class FeedMonitor(SafeFetcher fetcher, SchemaResults schemas)
{
    private const int RememberedItems = 500;
    private const int MaxReportedPerCheck = 10;

    public async Task<MonitorCheckResult> CheckAsync(MonitorCheckRequest request, CancellationToken ct)
    {
        var url = MonitorClassifier.UrlOf(request.Query) ?? throw new ArgumentException($"{request.Query} is not a feed URL");
        var previous = StateJson.Read<FeedState>(request.PreviousState);
        var fetched = await fetcher.FetchAsync(new FetchRequest(url, previous?.ETag, previous?.LastModified), ct);
        var credits = 1;
        if (fetched.NotModified && previous is not null) return new MonitorCheckResult([], request.PreviousState, credits);
        if (!fetched.IsSuccess) throw new HttpRequestException($"HTTP {fetched.StatusCode} from {fetched.FinalUrl}");

        var (feedTitle, items) = Parse(fetched.Body, url);
        var heading = string.IsNullOrWhiteSpace(feedTitle) ? url.Host : feedTitle;
        var seen = previous?.Seen.ToHashSet() ?? [];
        // Feeds list newest first; report oldest first so the thread reads in order.
        var fresh = previous is null ? [] : items.Where(i => !seen.Contains(i.Key)).Reverse().Take(MaxReportedPerCheck).ToList();
        var state = StateJson.Write(new FeedState(fetched.ETag, fetched.LastModified,
            StateJson.Bounded((previous?.Seen ?? []).Concat(items.Select(i => i.Key).Reverse()), RememberedItems)));

        var detections = new List<MonitorDetection>();
        foreach (var item in fresh)
        {
            var summary = $"{heading}: {item.Title}{(string.IsNullOrEmpty(item.Snippet) ? "" : " — " + item.Snippet)}";
            string? result = null;
            if (request.OutputSchema is { } schema)
            {
                (result, var used) = await schemas.ExtractAsync(schema, request.Query, summary, ct);
                credits += used;
            }
            detections.Add(new MonitorDetection(summary, item.Link is null ? [url.ToString()] : [item.Link], item.Published, result));
        }
        return new MonitorCheckResult(detections, state, credits);
    }

    private sealed record FeedItem(string Key, string Title, string? Link, string Snippet, DateOnly? Published);

    private static (string? Title, List<FeedItem> Items) Parse(string xml, Uri feedUrl)
    {
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            feed = SyndicationFeed.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new InvalidDataException($"{feedUrl} is not an RSS or Atom feed: {ex.Message}");
        }
        return (feed.Title?.Text?.Trim(), feed.Items.Select(item =>
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri;
            var absolute = link is null ? null : (link.IsAbsoluteUri ? link : new Uri(feedUrl, link)).ToString();
            var title = item.Title?.Text?.Trim() ?? absolute ?? "(untitled)";
            var snippet = item.Summary?.Text is { Length: > 0 } html ? Clip(ReadableText.FromHtml(html).Text.Replace('\n', ' ')) : "";
            var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
            return new FeedItem(item.Id ?? absolute ?? title, title, absolute, snippet, date == default ? null : DateOnly.FromDateTime(date.UtcDateTime));
        }).ToList());
    }

    private static string Clip(string text) => text.Length <= 280 ? text : text[..279].TrimEnd() + "…";
}
