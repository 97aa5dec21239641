using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatBot.Agent.Search;

/// <summary>Brave Search's web search API (<c>X-Subscription-Token</c> header).</summary>
public sealed class BraveSearch(IHttpClientFactory clients, IOptions<SearchOptions> options) : ISearchProvider
{
    public const string DefaultEndpoint = "https://api.search.brave.com/res/v1";

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int count, CancellationToken ct)
    {
        var settings = options.Value;
        // Empty counts as unset: docker-compose passes every setting, empty when the operator left it out.
        var endpoint = (string.IsNullOrWhiteSpace(settings.Endpoint) ? DefaultEndpoint : settings.Endpoint).TrimEnd('/');
        var client = clients.CreateClient(SearchHttp.ClientName);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{endpoint}/web/search?q={Uri.EscapeDataString(query)}&count={Math.Clamp(count, 1, 20)}");
        request.Headers.TryAddWithoutValidation("X-Subscription-Token", settings.ApiKey);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        if (!document.RootElement.TryGetProperty("web", out var web) || !web.TryGetProperty("results", out var results)) return [];
        return results.EnumerateArray()
            .Select(r => new SearchHit(
                SearchHttp.String(r, "title"),
                SearchHttp.String(r, "url"),
                SearchHttp.String(r, "description"),
                SearchHttp.Date(SearchHttp.String(r, "page_age"))))
            .Where(h => h.Url.Length > 0)
            .Take(count)
            .ToList();
    }
}
