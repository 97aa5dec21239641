using System.ComponentModel;
using System.Text;
using ChatBot.Agent.Content;
using ChatBot.Agent.Egress;
using ChatBot.Agent.Search;
using ChatBot.Core.Agents;
using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Tools;

/// <summary><c>web:fetch</c> (any http/https page, egress-guarded) and <c>web:search</c> (when a search provider is configured).</summary>
public sealed class WebTools(SafeFetcher fetcher, ISearchProvider? search = null) : IToolSource
{
    public ValueTask<IReadOnlyList<AgentTool>> GetToolsAsync(AgentRequest request, CancellationToken ct)
    {
        var tools = new List<AgentTool>
        {
            new("web:fetch",
                AIFunctionFactory.Create(FetchAsync, "web_fetch", "Fetches a web page or document by URL and returns its readable text."),
                args => $"reading {HostOf(args)}", Untrusted: true),
        };
        if (search is not null)
        {
            tools.Add(new("web:search",
                AIFunctionFactory.Create(SearchAsync, "web_search", "Searches the web; returns titles, URLs, snippets and dates."),
                args => $"searching the web for “{args.GetValueOrDefault("query")}”", Untrusted: true, Credits: 2));
        }
        return ValueTask.FromResult<IReadOnlyList<AgentTool>>(tools);
    }

    private async Task<string> FetchAsync([Description("The http or https URL to fetch")] string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return $"Error: {url} is not an absolute URL.";
        var result = await fetcher.FetchAsync(new FetchRequest(uri), ct);
        if (!result.IsSuccess) return $"HTTP {result.StatusCode} from {result.FinalUrl}";
        var text = FetchedText.Of(result);
        return result.Truncated ? text + "\n[… the page was longer; cut off]" : text;
    }

    private async Task<string> SearchAsync([Description("What to search for")] string query, CancellationToken ct)
    {
        var hits = await search!.SearchAsync(query, 8, ct);
        if (hits.Count == 0) return "No results.";
        var builder = new StringBuilder();
        foreach (var hit in hits)
            builder.AppendLine($"- {hit.Title} ({hit.Url}){(hit.Published is { } date ? $" [{date:yyyy-MM-dd}]" : "")}: {hit.Snippet}");
        return builder.ToString();
    }

    internal static string HostOf(AIFunctionArguments args) =>
        Uri.TryCreate(args.GetValueOrDefault("url")?.ToString(), UriKind.Absolute, out var uri) ? uri.Host : "a web page";
}
