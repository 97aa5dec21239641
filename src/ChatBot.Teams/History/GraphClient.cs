using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Teams.Auth;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams.History;

/// <summary>
/// Microsoft Graph over plain HTTP (no SDK), with app-only tokens of the tenant being read. Only URLs under
/// <c>Teams__GraphBaseUrl</c> are fetched, including the paging links Graph hands back, so the token never
/// goes anywhere else.
/// </summary>
public sealed class GraphClient(IHttpClientFactory clients, EntraTokenProvider tokens, IOptions<TeamsOptions> options)
{
    public const string HttpClientName = "ChatBot.Teams.Graph";

    public Uri BaseUrl => new(options.Value.GraphBaseUrl.TrimEnd('/') + "/");

    public Uri Resolve(string relative) => new(BaseUrl, relative);

    public async Task<JsonObject> GetAsync(string tenantId, Uri url, CancellationToken ct)
    {
        if (!BaseUrl.IsBaseOf(url))
            throw new InvalidOperationException($"Refusing to send a Graph token outside {BaseUrl}: {url}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetGraphTokenAsync(tenantId, ct));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode)
            return JsonNode.Parse(text) as JsonObject ?? throw new GraphException(response.StatusCode, null, "Microsoft Graph answered with something other than a JSON object.");
        var (code, message) = ErrorOf(text);
        throw new GraphException(response.StatusCode, code, $"Microsoft Graph answered {(int)response.StatusCode} {code}: {message}");
    }

    private static (string? Code, string Message) ErrorOf(string text)
    {
        try
        {
            if (JsonNode.Parse(text)?["error"] is JsonObject error)
                return (error["code"]?.GetValue<string>(), error["message"]?.GetValue<string>() ?? "");
        }
        catch (JsonException)
        {
            // Not JSON: report the text itself.
        }
        return (null, text.Length > 200 ? text[..200] : text);
    }
}
