using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// The Slack Web API methods the bot uses, over a named HttpClient whose base is <c>Slack__ApiBaseUrl</c>.
/// Slack reports most failures as HTTP 200 with <c>ok:false</c>, so every answer is checked and turned into a
/// <see cref="SlackApiException"/>. A 429 is waited out inline when its Retry-After is short (bounded by
/// <see cref="SlackOptions.MaxInlineRetryDelay"/> and <see cref="SlackOptions.MaxInlineRetries"/>); otherwise it
/// surfaces as <see cref="SlackRateLimitedException"/> for the calling job's retry policy.
/// </summary>
public sealed class SlackWebApiClient(
    IHttpClientFactory httpClients,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackWebApiClient> logger)
{
    public const string HttpClientName = "slack-web-api";

    /// <summary>For interaction response_url hooks, which are absolute URLs and take no token.</summary>
    public const string ResponseUrlClientName = "slack-response-url";

    public async Task<string> PostMessageAsync(string channel, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var answer = await CallJsonAsync("chat.postMessage", body, ct);
        return RequiredString(answer, "ts", "chat.postMessage");
    }

    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        body["ts"] = ts;
        await CallJsonAsync("chat.update", body, ct);
    }

    public async Task<string> PostEphemeralAsync(string channel, string user, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        body["user"] = user;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var answer = await CallJsonAsync("chat.postEphemeral", body, ct);
        return answer["message_ts"]?.GetValue<string>() ?? "";
    }

    /// <summary>The DM channel with a user (conversations.open is idempotent: the same channel every time).</summary>
    public async Task<string> OpenDirectConversationAsync(string user, CancellationToken ct)
    {
        var answer = await CallJsonAsync("conversations.open", new JsonObject { ["users"] = user }, ct);
        return answer["channel"]?["id"]?.GetValue<string>()
            ?? throw new SlackApiException("conversations.open", "invalid_response", "Slack conversations.open returned no channel id");
    }

    public async Task<SlackUserInfo> GetUserInfoAsync(string user, CancellationToken ct)
    {
        // users.info does not accept JSON bodies; it takes form fields.
        var answer = await CallAsync("users.info", () => new FormUrlEncodedContent([new("user", user)]), ct);
        var found = answer["user"] ?? throw new SlackApiException("users.info", "invalid_response", "Slack users.info returned no user");
        return new SlackUserInfo(
            found["id"]?.GetValue<string>() ?? user,
            found["name"]?.GetValue<string>(),
            found["is_admin"]?.GetValue<bool>() ?? false,
            found["is_owner"]?.GetValue<bool>() ?? false,
            found["is_bot"]?.GetValue<bool>() ?? false);
    }

    /// <summary>
    /// Answers an interaction through its response_url: the only way to replace an ephemeral message, and a way
    /// to reply to the clicking user without channel membership.
    /// </summary>
    public async Task RespondAsync(string responseUrl, SlackMessage message, bool replaceOriginal, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["text"] = message.Text,
            ["blocks"] = message.CloneBlocks(),
            ["replace_original"] = replaceOriginal,
        };
        if (!replaceOriginal) body["response_type"] = "ephemeral";
        using var response = await httpClients.CreateClient(ResponseUrlClientName).PostAsJsonAsync(responseUrl, body, ct);
        if (!response.IsSuccessStatusCode)
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
    }

    /// <summary>
    /// apps.connections.open: a fresh, single-use WebSocket URL for Socket Mode. It is authenticated by the app-level
    /// token (xapp-), not the bot token, so it has its own request; a 429 is not waited out here, the caller's
    /// reconnect backoff does that.
    /// </summary>
    public async Task<Uri> OpenSocketConnectionAsync(string appToken, CancellationToken ct)
    {
        const string method = "apps.connections.open";
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", appToken);
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests) throw new SlackRateLimitedException(method, RetryAfterOf(response));
        if (!response.IsSuccessStatusCode) throw new SlackApiException(method, $"http_{(int)response.StatusCode}");

        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct)
            ?? throw new SlackApiException(method, "invalid_response", $"Slack {method} returned an empty body");
        if (answer["ok"]?.GetValue<bool>() != true)
            throw new SlackApiException(method, answer["error"]?.GetValue<string>() ?? "unknown_error");
        return Uri.TryCreate(answer["url"]?.GetValue<string>(), UriKind.Absolute, out var url)
            ? url
            : throw new SlackApiException(method, "invalid_response", $"Slack {method} returned no url");
    }

    private static JsonObject MessageBody(string channel, SlackMessage message) => new()
    {
        ["channel"] = channel,
        ["text"] = message.Text,
        ["blocks"] = message.CloneBlocks(),
        // We escape and format ourselves; Slack must not guess links or names.
        ["unfurl_links"] = false,
    };

    /// <summary>A read method that takes form fields (conversations.history, conversations.list); the answer's JSON.</summary>
    public Task<JsonObject> CallFormAsync(string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken ct) =>
        CallAsync(method, () => new FormUrlEncodedContent(fields), ct);

    private Task<JsonObject> CallJsonAsync(string method, JsonObject body, CancellationToken ct) =>
        CallAsync(method, () => JsonContent.Create(body), ct);

    private async Task<JsonObject> CallAsync(string method, Func<HttpContent> content, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!settings.CanCallApi) throw new PlatformNotConfiguredException(ChatPlatform.Slack);
        var client = httpClients.CreateClient(HttpClientName);

        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.BotToken);
            using var response = await client.SendAsync(request, ct);

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var delay = RetryAfterOf(response);
                if (attempt >= settings.MaxInlineRetries || delay > settings.MaxInlineRetryDelay)
                    throw new SlackRateLimitedException(method, delay);
                logger.LogInformation("Slack {Method} rate limited; waiting {Delay} before retrying", method, delay);
                await Task.Delay(delay, time, ct);
                continue;
            }
            if (!response.IsSuccessStatusCode) throw new SlackApiException(method, $"http_{(int)response.StatusCode}");

            var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct)
                ?? throw new SlackApiException(method, "invalid_response", $"Slack {method} returned an empty body");
            if (answer["ok"]?.GetValue<bool>() != true)
                throw new SlackApiException(method, answer["error"]?.GetValue<string>() ?? "unknown_error");
            if (answer["warning"]?.GetValue<string>() is { } warning)
                logger.LogDebug("Slack {Method} warning: {Warning}", method, warning);
            return answer;
        }
    }

    /// <summary>Slack sends whole seconds; a missing header still means "back off", so one second.</summary>
    private static TimeSpan RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : TimeSpan.FromSeconds(1);

    private static string RequiredString(JsonObject answer, string property, string method) =>
        answer[property]?.GetValue<string>()
        ?? throw new SlackApiException(method, "invalid_response", $"Slack {method} returned no {property}");
}
