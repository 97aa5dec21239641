using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Api;

/// <summary>
/// HTTP client logging for clients whose URLs are credentials (Slack response_urls, webhook URLs): whoever holds one
/// can post with it, so only the origin is logged, never the path or query. The Slack adapter uses it for its
/// response_url client wherever it is hosted; the server uses it for the webhooks client too.
/// </summary>
public sealed class RedactedUrlHttpLogger(ILogger logger) : IHttpClientLogger
{
    public static string Redact(Uri? url) => url is null ? "" : url.IsAbsoluteUri ? $"{url.GetLeftPart(UriPartial.Authority)}/…" : "…";

    public object? LogRequestStart(HttpRequestMessage request)
    {
        logger.LogInformation("Sending HTTP request {Method} {Url}", request.Method, Redact(request.RequestUri));
        return null;
    }

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        logger.LogInformation("Received HTTP response {Method} {Url} {StatusCode} after {ElapsedMs} ms",
            request.Method, Redact(request.RequestUri), (int)response.StatusCode, (long)elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        logger.LogWarning("HTTP request {Method} {Url} failed after {ElapsedMs} ms: {Error}",
            request.Method, Redact(request.RequestUri), (long)elapsed.TotalMilliseconds, exception.GetType().Name);
}
