using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Api;

/// <summary>
/// Interaction response_url hooks: absolute URLs that take no token. The only way to replace an ephemeral
/// message, and a way to reply to the clicking user without channel membership.
/// </summary>
public sealed class SlackResponseUrls(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "slack-response-url";

    public async Task RespondAsync(string responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken ct)
    {
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
}
