using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatBot.Agent.Search;

/// <summary>A SearXNG instance's JSON API (<c>/search?q=…&amp;format=json</c>; the instance must enable the json format).</summary>
public sealed class SearxngSearch(IHttpClientFactory clients, IOptions<SearchOptions> options) : ISearchProvider
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int count, CancellationToken ct)
    {
        var endpoint = options.Value.Endpoint?.TrimEnd('/') ?? throw new InvalidOperationException("Search__Endpoint must name the SearXNG instance");
        var client = clients.CreateClient(SearchHttp.ClientName);
        using var response = await client.GetAsync($"{endpoint}/search?q={Uri.EscapeDataString(query)}&format=json", ct);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if (!document.RootElement.TryGetProperty("results", out var results)) return [];
        return results.EnumerateArray()
            .Select(r => new SearchHit(
                SearchHttp.String(r, "title"),
                SearchHttp.String(r, "url"),
                SearchHttp.String(r, "content"),
                SearchHttp.Date(SearchHttp.String(r, "publishedDate"))))
            .Where(h => h.Url.Length > 0)
            .Take(count)
            .ToList();
    }
}
