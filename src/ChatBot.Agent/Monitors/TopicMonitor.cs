using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Agent.Loop;
using ChatBot.Agent.Search;
using ChatBot.Core.Monitors;

namespace ChatBot.Agent.Monitors;

/// <summary>
/// Watches a topic in plain words: web search, then the model picks the results that are real developments
/// and groups the ones about the same story. Every URL is judged once: results already seen are skipped.
/// </summary>
public sealed class TopicMonitor(ModelJudge judge, SchemaResults schemas, ISearchProvider? search = null)
{
    private const int ResultsPerSearch = 10;
    private const int RememberedUrls = 1000;

    public bool IsAvailable => search is not null && judge.IsAvailable;

    public async Task<MonitorCheckResult> CheckAsync(MonitorCheckRequest request, CancellationToken ct)
    {
        if (search is null || !judge.IsAvailable) throw new InvalidOperationException(MonitorChecker.TopicUnsupported);
        var previous = StateJson.Read<TopicState>(request.PreviousState);
        var reported = previous?.Reported.ToHashSet() ?? [];
        var hits = await search.SearchAsync(request.Query, ResultsPerSearch, ct);
        var credits = 2;
        var fresh = hits.Where(h => !reported.Contains(h.Url)).ToList();
        var state = StateJson.Write(new TopicState(StateJson.Bounded((previous?.Reported ?? []).Concat(fresh.Select(h => h.Url)), RememberedUrls)));
        if (fresh.Count == 0) return new MonitorCheckResult([], state, credits);

        var (answer, used) = await judge.AskAsync(
            $"A monitor watches the topic \"{request.Query}\". From the search results below, pick the ones that report a real, specific " +
            "development on this topic; group results about the same story. Answer {\"events\": [{\"summary\": \"one or two sentences\", " +
            "\"source_urls\": [\"…\"], \"event_date\": \"YYYY-MM-DD or null\"}]}, or {\"events\": []} when nothing qualifies.",
            UntrustedData.Wrap("web:search", Listing(fresh)), ct);
        credits += used;

        var known = fresh.ToDictionary(h => h.Url);
        var detections = new List<MonitorDetection>();
        if (answer is { } verdict && verdict.TryGetProperty("events", out var events) && events.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in events.EnumerateArray())
            {
                // Only URLs the search returned: the model may not invent sources.
                var urls = item.TryGetProperty("source_urls", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(u => u.GetString() ?? "").Where(known.ContainsKey).Distinct().ToList()
                    : [];
                var summary = item.TryGetProperty("summary", out var s) ? s.GetString() ?? "" : "";
                if (urls.Count == 0 || summary.Length == 0) continue;
                var date = item.TryGetProperty("event_date", out var d) && d.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : urls.Select(u => known[u].Published).FirstOrDefault(p => p is not null);
                string? result = null;
                if (request.OutputSchema is { } schema)
                {
                    (result, var extra) = await schemas.ExtractAsync(schema, request.Query, summary, ct);
                    credits += extra;
                }
                detections.Add(new MonitorDetection(summary, urls, date, result));
            }
        }
        return new MonitorCheckResult(detections, state, credits);
    }

    private static string Listing(IEnumerable<SearchHit> hits)
    {
        var builder = new StringBuilder();
        foreach (var hit in hits)
            builder.AppendLine($"- {hit.Title}\n  url: {hit.Url}\n  date: {hit.Published?.ToString("yyyy-MM-dd") ?? "unknown"}\n  {hit.Snippet}");
        return builder.ToString();
    }
}
