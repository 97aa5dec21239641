using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Install;
using ChatBot.Slack.Rendering;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// The Slack Web API methods the bot uses, over a named HttpClient whose base is <c>Slack__ApiBaseUrl</c>.
/// Slack reports most failures as HTTP 200 with <c>ok:false</c>, so every answer is checked and turned into a
/// <see cref="SlackApiException"/>. A 429 is waited out inline when its Retry-After is short (bounded by
/// <see cref="SlackOptions.MaxInlineRetryDelay"/> and <see cref="SlackOptions.MaxInlineRetries"/>); otherwise it
/// surfaces as <see cref="SlackRateLimitedException"/> for the calling job's retry policy. Every team-scoped
/// method takes the team, whose bot token (<see cref="SlackBotTokens"/>) authorizes the call.
/// </summary>
public sealed class SlackWebApiClient(
    IHttpClientFactory httpClients,
    SlackBotTokens tokens,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackWebApiClient> logger)
{
    public const string HttpClientName = "slack-web-api";

    /// <summary>For interaction response_url hooks, which are absolute URLs and take no token.</summary>
    public const string ResponseUrlClientName = "slack-response-url";

    public async Task<string> PostMessageAsync(string team, string channel, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var answer = await CallJsonAsync(team, "chat.postMessage", body, ct);
        return RequiredString(answer, "ts", "chat.postMessage");
    }

    public async Task UpdateMessageAsync(string team, string channel, string ts, SlackMessage message, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        body["ts"] = ts;
        await CallJsonAsync(team, "chat.update", body, ct);
    }

    public async Task<string> PostEphemeralAsync(string team, string channel, string user, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        body["user"] = user;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var answer = await CallJsonAsync(team, "chat.postEphemeral", body, ct);
        return answer["message_ts"]?.GetValue<string>() ?? "";
    }

    /// <summary>The DM channel with a user (conversations.open is idempotent: the same channel every time).</summary>
    public async Task<string> OpenDirectConversationAsync(string team, string user, CancellationToken ct)
    {
        var answer = await CallJsonAsync(team, "conversations.open", new JsonObject { ["users"] = user }, ct);
        return answer["channel"]?["id"]?.GetValue<string>()
            ?? throw new SlackApiException("conversations.open", "invalid_response", "Slack conversations.open returned no channel id");
    }

    public async Task<SlackUserInfo> GetUserInfoAsync(string team, string user, CancellationToken ct)
    {
        // users.info does not accept JSON bodies; it takes form fields.
        var answer = await CallAsync(team, "users.info", () => new FormUrlEncodedContent([new("user", user)]), ct);
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
    public Task<JsonObject> CallFormAsync(string team, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken ct) =>
        CallAsync(team, method, () => new FormUrlEncodedContent(fields), ct);

    private Task<JsonObject> CallJsonAsync(string team, string method, JsonObject body, CancellationToken ct) =>
        CallAsync(team, method, () => JsonContent.Create(body), ct);

    /// <summary>
    /// oauth.v2.access: trades an install's temporary code for the team's bot token. The app's own credentials
    /// (HTTP Basic, as Slack prefers) authorize it; no bot token exists yet.
    /// </summary>
    public async Task<SlackInstallation> ExchangeInstallCodeAsync(string code, string redirectUri, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}"));
        var answer = await SendAsync("oauth.v2.access", new AuthenticationHeaderValue("Basic", credentials),
            () => new FormUrlEncodedContent([new("code", code), new("redirect_uri", redirectUri)]), ct);
        if (answer["team"]?["id"]?.GetValue<string>() is not { Length: > 0 } teamId)
            throw new SlackApiException("oauth.v2.access", "org_install_unsupported", "An org-wide (Enterprise Grid) install has no team; install the app per workspace.");
        return new SlackInstallation(
            teamId,
            answer["team"]?["name"]?.GetValue<string>() ?? teamId,
            answer["app_id"]?.GetValue<string>() ?? "",
            answer["bot_user_id"]?.GetValue<string>() ?? "",
            RequiredString(answer, "access_token", "oauth.v2.access"),
            answer["scope"]?.GetValue<string>() ?? "",
            answer["authed_user"]?["id"]?.GetValue<string>() ?? "");
    }

    private async Task<JsonObject> CallAsync(string team, string method, Func<HttpContent> content, CancellationToken ct)
    {
        var token = await tokens.ForTeamAsync(team, ct);
        try
        {
            return await SendAsync(method, new AuthenticationHeaderValue("Bearer", token), content, ct);
        }
        catch (SlackApiException ex) when (ex.Error is "invalid_auth" or "token_revoked" or "account_inactive" or "not_authed")
        {
            // A reinstall may have replaced the token; look it up afresh next time.
            tokens.Forget(team);
            throw;
        }
    }

    private async Task<JsonObject> SendAsync(string method, AuthenticationHeaderValue authorization, Func<HttpContent> content, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var client = httpClients.CreateClient(HttpClientName);

        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content() };
            request.Headers.Authorization = authorization;
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
