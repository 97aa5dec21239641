using ChatBot.Core.Common;
using System.Text;
using System.Text.Json;
using ChatBot.Agent.Content;
using ChatBot.Agent.Egress;
using ChatBot.Agent.Loop;
using ChatBot.Core.Monitors;

namespace ChatBot.Agent.Monitors;

/// <summary>
/// Watches one page: conditional GET, readable text, line diff against the last snapshot. Changes that are only
/// whitespace, dates, times or counters are not material. With a model, it also judges the change against the
/// query and writes the summary. The first check only takes the snapshot.
/// </summary>
public sealed class PageMonitor(SafeFetcher fetcher, ModelJudge judge, SchemaResults schemas, TimeProvider time)
{
    private const int ShownLines = 5;

    public async Task<MonitorCheckResult> CheckAsync(MonitorCheckRequest request, CancellationToken ct)
    {
        var url = MonitorClassifier.UrlOf(request.Query) ?? throw new ArgumentException($"{request.Query} is not a page URL");
        var previous = StateJson.Read<PageState>(request.PreviousState);
        var fetched = await fetcher.FetchAsync(new FetchRequest(url, previous?.ETag, previous?.LastModified), ct);
        var credits = 1;
        if (fetched.NotModified && previous is not null) return new MonitorCheckResult([], request.PreviousState, credits);
        if (!fetched.IsSuccess) throw new HttpRequestException($"HTTP {fetched.StatusCode} from {fetched.FinalUrl}");

        var (title, body) = FetchedText.Read(fetched);
        var text = ReadableLines.Normalize(title is null ? body : $"{title}\n\n{body}");
        if (string.IsNullOrWhiteSpace(body))
            throw new InvalidDataException($"{url} has no readable text ({fetched.ContentType ?? "no content type"})");
        var state = StateJson.Write(new PageState(fetched.ETag, fetched.LastModified, text));
        if (previous is null) return new MonitorCheckResult([], state, credits);

        var change = PageChange.Between(previous.Text, text);
        if (!change.IsMaterial) return new MonitorCheckResult([], state, credits);

        var diff = DiffText(change);
        // Headed by what people call the page; the host only when the page has no title.
        var summary = $"{(string.IsNullOrWhiteSpace(title) ? url.Host : title)} changed:\n{diff}";
        if (judge.IsAvailable)
        {
            var (answer, used) = await judge.AskAsync(
                $"A monitor watches {url} for: \"{request.Query}\". Decide whether the change below matters to someone watching it " +
                "(not layout, navigation, ads, timestamps or counters). Answer {\"material\": true|false, \"summary\": \"one or two sentences on what changed\"}.",
                UntrustedData.Wrap("web:fetch", diff), ct);
            credits += used;
            if (answer is { } verdict)
            {
                if (verdict.TryGetProperty("material", out var material) && material.ValueKind == JsonValueKind.False)
                    return new MonitorCheckResult([], state, credits);
                if (verdict.TryGetProperty("summary", out var written) && written.GetString() is { Length: > 0 } line) summary = line;
            }
        }

        string? result = null;
        if (request.OutputSchema is { } schema)
        {
            (result, var used) = await schemas.ExtractAsync(schema, request.Query, diff, ct);
            credits += used;
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new MonitorCheckResult([new MonitorDetection(summary, [fetched.FinalUrl.ToString()], today, result)], state, credits);
    }

    private static string DiffText(PageChange change)
    {
        var builder = new StringBuilder();
        foreach (var line in change.Added.Take(ShownLines)) builder.AppendLine($"+ {line}");
        foreach (var line in change.Removed.Take(ShownLines)) builder.AppendLine($"− {line}");
        var hidden = Math.Max(0, change.Added.Count - ShownLines) + Math.Max(0, change.Removed.Count - ShownLines);
        if (hidden > 0) builder.AppendLine($"… and {hidden} more changed lines");
        return builder.ToString().TrimEnd();
    }
}
