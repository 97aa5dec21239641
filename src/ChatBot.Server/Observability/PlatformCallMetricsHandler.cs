using ChatBot.Jobs.Observability;

namespace ChatBot.Server.Observability;

/// <summary>
/// Counts every call a platform client makes, by platform and outcome (ok, error, rate_limited), for
/// <c>/prometheus</c>. Attached to the platforms' named HttpClients here so the adapters stay free of it.
/// </summary>
public sealed class PlatformCallMetricsHandler(ChatBotMetrics metrics, string platform) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.RecordPlatformCall(platform, (int)response.StatusCode);
            return response;
        }
        catch (HttpRequestException)
        {
            metrics.RecordPlatformCall(platform, 0);
            throw;
        }
    }
}
