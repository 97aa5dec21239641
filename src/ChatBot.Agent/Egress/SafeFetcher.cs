using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatBot.Agent.Egress;

/// <summary>
/// Every server-side fetch goes through here: http(s) only, redirects followed by hand so each hop is checked
/// again (scheme here, address in <see cref="GuardedConnector"/>), bodies capped in size, a time limit.
/// </summary>
public sealed class SafeFetcher(IHttpClientFactory clients, IOptions<EgressOptions> options)
{
    public const string HttpClientName = "egress";
    private const string UserAgent = "ChatBot/1.0 (+https://github.com/chatbot/chatbot)";

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken ct)
    {
        var limits = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limits.Timeout);
        var client = clients.CreateClient(HttpClientName);

        var url = request.Url;
        var method = request.Method;
        var body = request.Body;
        for (var hop = 0; ; hop++)
        {
            EnsureWebScheme(url);
            using var message = new HttpRequestMessage(method, url);
            message.Headers.UserAgent.ParseAdd(UserAgent);
            message.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8");
            if (request.IfNoneMatch is not null) message.Headers.TryAddWithoutValidation("If-None-Match", request.IfNoneMatch);
            if (request.IfModifiedSince is not null) message.Headers.TryAddWithoutValidation("If-Modified-Since", request.IfModifiedSince);
            if (body is not null)
                message.Content = new StringContent(body, Encoding.UTF8, request.BodyContentType ?? "application/json");

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"{url.Host} did not answer within {limits.Timeout.TotalSeconds:0} s");
            }
            catch (HttpRequestException ex) when (ex.InnerException is EgressDeniedException denied)
            {
                throw denied;
            }

            using (response)
            {
                if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
                {
                    if (hop >= limits.MaxRedirects) throw new HttpRequestException($"too many redirects from {request.Url}");
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    // 303, and 301/302 after POST, become GET as browsers do.
                    if (response.StatusCode == HttpStatusCode.SeeOther || (method == HttpMethod.Post && (int)response.StatusCode is 301 or 302))
                    {
                        method = HttpMethod.Get;
                        body = null;
                    }
                    continue;
                }

                var (text, truncated) = await ReadCappedAsync(response.Content, limits.MaxResponseBytes, timeout.Token);
                return new FetchResult(url, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, truncated,
                    response.Headers.ETag?.ToString(),
                    response.Content.Headers.LastModified?.ToString("R"));
            }
        }
    }

    private static void EnsureWebScheme(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new EgressDeniedException($"only http and https addresses can be fetched, not {url}");
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static async Task<(string Text, bool Truncated)> ReadCappedAsync(HttpContent content, int maxBytes, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        var buffer = new byte[Math.Min(maxBytes + 1, 64 * 1024)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            var room = maxBytes + 1 - (int)collected.Length;
            collected.Write(buffer, 0, Math.Min(read, room));
            if (collected.Length > maxBytes) break;
        }
        var truncated = collected.Length > maxBytes;
        var bytes = collected.GetBuffer().AsSpan(0, (int)Math.Min(collected.Length, maxBytes));
        return (DecodeText(bytes, content.Headers.ContentType), truncated);
    }

    private static string DecodeText(ReadOnlySpan<byte> bytes, MediaTypeHeaderValue? contentType)
    {
        var encoding = Encoding.UTF8;
        if (contentType?.CharSet is { Length: > 0 } charset)
        {
            try { encoding = Encoding.GetEncoding(charset.Trim('"')); }
            catch (ArgumentException) { /* unknown charset: UTF-8 is the web's default */ }
        }
        return encoding.GetString(bytes);
    }
}
