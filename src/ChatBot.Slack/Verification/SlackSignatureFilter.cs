using ChatBot.Slack.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Verification;

/// <summary>
/// Guards every /slack endpoint: reads the raw body once (buffered, so handlers can read it again), checks the
/// signature and timestamp, and only then lets the handler run. A rejected request touches nothing.
/// Without a signing secret Slack is not connected, which is a 503 rather than a 401: the caller did nothing wrong.
/// </summary>
public sealed class SlackSignatureFilter(IOptionsMonitor<SlackOptions> options, TimeProvider time, ILogger<SlackSignatureFilter> logger)
    : IEndpointFilter
{
    /// <summary>Where the verified raw body is kept for handlers that parse JSON themselves.</summary>
    public const string RawBodyItem = "slack.raw_body";

    /// <summary>Slack's payloads are small; anything bigger is not Slack.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var settings = options.CurrentValue;
        if (!settings.CanVerifyRequests)
            return SlackErrors.Result(503, "SLACK_NOT_CONFIGURED", "Slack is not connected: set Slack__SigningSecret (see CONFIG.md).");

        http.Request.EnableBuffering();
        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null) return SlackErrors.Result(413, "BODY_TOO_LARGE", "Slack request bodies are small; this one is not.");
        http.Request.Body.Position = 0;

        var check = SlackSignature.Verify(
            settings.SigningSecret!,
            http.Request.Headers[SlackSignature.TimestampHeader].ToString(),
            http.Request.Headers[SlackSignature.SignatureHeader].ToString(),
            body,
            time.GetUtcNow(),
            settings.SignatureTolerance);
        if (check != SignatureCheck.Valid)
        {
            logger.LogWarning("Rejected a Slack request to {Path}: signature {Check}", http.Request.Path, check);
            return SlackErrors.Result(401, "INVALID_SIGNATURE", "The Slack request signature is missing, stale or wrong.");
        }

        http.Items[RawBodyItem] = body;
        return await next(context);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
