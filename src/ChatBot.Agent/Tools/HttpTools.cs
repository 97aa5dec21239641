using System.ComponentModel;
using ChatBot.Agent.Egress;
using ChatBot.Core.Agents;
using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Tools;

/// <summary>
/// <c>http:request</c>: GETs run freely; any other method changes something somewhere, so it is a separate
/// function that needs approval. Both go through the egress guard.
/// </summary>
public sealed class HttpTools(SafeFetcher fetcher) : IToolSource
{
    public ValueTask<IReadOnlyList<AgentTool>> GetToolsAsync(AgentRequest request, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<AgentTool>>(
        [
            new("http:request",
                AIFunctionFactory.Create(GetAsync, "http_get", "Sends an HTTP GET to an API URL and returns the status and body."),
                args => $"calling {WebTools.HostOf(args)}", Untrusted: true),
            new("http:request",
                new ApprovalRequiredAIFunction(AIFunctionFactory.Create(SendAsync, "http_request",
                    "Sends an HTTP request with a method other than GET (POST, PUT, PATCH, DELETE). Needs a person's approval.")),
                args => $"{args.GetValueOrDefault("method")?.ToString()?.ToUpperInvariant()} {args.GetValueOrDefault("url")}", Untrusted: true),
        ]);

    private async Task<string> GetAsync([Description("The http or https URL")] string url, CancellationToken ct) =>
        await SendCoreAsync(HttpMethod.Get, url, null, null, ct);

    private async Task<string> SendAsync(
        [Description("POST, PUT, PATCH or DELETE")] string method,
        [Description("The http or https URL")] string url,
        [Description("The request body, if any")] string? body = null,
        [Description("The body's content type; application/json when omitted")] string? contentType = null,
        CancellationToken ct = default) =>
        await SendCoreAsync(new HttpMethod(method.ToUpperInvariant()), url, body, contentType, ct);

    private async Task<string> SendCoreAsync(HttpMethod method, string url, string? body, string? contentType, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return $"Error: {url} is not an absolute URL.";
        var result = await fetcher.FetchAsync(new FetchRequest(uri) { Method = method, Body = body, BodyContentType = contentType }, ct);
        return $"HTTP {result.StatusCode}\n{result.Body}";
    }
}
