using System.Net.Http.Headers;

namespace ChatBot.Slack.Api;

/// <summary>apps.connections.open.</summary>
public sealed class SlackAppsApi(SlackApiTransport transport)
{
    /// <summary>
    /// A fresh, single-use WebSocket URL for Socket Mode. It is authorized by the app-level token (xapp-), not
    /// the bot token; a 429 is not waited out here, the caller's reconnect backoff does that.
    /// </summary>
    public async Task<Uri> OpenConnectionAsync(string appToken, CancellationToken ct)
    {
        const string method = "apps.connections.open";
        var answer = await transport.SendAsync(method, new AuthenticationHeaderValue("Bearer", appToken),
            () => new FormUrlEncodedContent([]), waitOutRateLimits: false, ct);
        return Uri.TryCreate(answer["url"]?.GetValue<string>(), UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException(method, "invalid_response", $"Slack {method} returned no url");
    }
}
