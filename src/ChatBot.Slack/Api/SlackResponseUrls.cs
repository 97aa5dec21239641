using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// Interaction response_url hooks: absolute URLs that take no token. The only way to replace an ephemeral
/// message, and a way to reply to the clicking user without channel membership. Only Slack's own hosts are
/// posted to (https on the Web API's domain or a subdomain of it, e.g. hooks.slack.com), so a payload can
/// never turn the bot into a client of some other address.
/// </summary>
public sealed class SlackResponseUrls(IHttpClientFactory httpClients, IOptionsMonitor<SlackOptions> options)
{
    public const string HttpClientName = "slack-response-url";

    public async Task RespondAsync(string responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken ct)
    {
        if (!IsSlackHost(responseUrl, options.CurrentValue.ApiBaseUrl))
            throw new SlackApiException("response_url", "untrusted_response_url", "The response_url is not on Slack's hosts; nothing was sent.");
        var body = new JsonObject
        {
            ["text"] = message.Text,
            ["blocks"] = message.CloneBlocks(),
            ["replace_original"] = replaceOriginal,
        };
        if (!replaceOriginal) body["response_type"] = "ephemeral";
        using var response = await httpClients.CreateClient(HttpClientName).PostAsJsonAsync(responseUrl, body, ct);
        if (!response.IsSuccessStatusCode)
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
    }

    internal static bool IsSlackHost(string responseUrl, string? apiBaseUrl)
    {
        if (!Uri.TryCreate(responseUrl, UriKind.Absolute, out var url)) return false;
        var api = new Uri(string.IsNullOrWhiteSpace(apiBaseUrl) ? SlackOptions.DefaultApiBaseUrl : apiBaseUrl);
        // The Web API's own origin (a test double, a proxy) is trusted as configured, scheme included.
        if (url.Scheme == api.Scheme && string.Equals(url.Authority, api.Authority, StringComparison.OrdinalIgnoreCase)) return true;
        return url.Scheme == Uri.UriSchemeHttps && url.Host.EndsWith("." + api.Host, StringComparison.OrdinalIgnoreCase);
    }
}
