using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// What every Web API method family shares: a POST to <c>Slack__ApiBaseUrl</c> + method over a named HttpClient.
/// Slack reports most failures as HTTP 200 with <c>ok:false</c>, so every answer is checked and turned into a
/// <see cref="SlackApiException"/>. A 429 is waited out inline when its Retry-After is short (bounded by
/// <see cref="SlackOptions.MaxInlineRetryDelay"/> and <see cref="SlackOptions.MaxInlineRetries"/>); otherwise it
/// surfaces as <see cref="SlackRateLimitedException"/> for the calling job's retry policy. Team-scoped calls are
/// authorized by the team's bot token (<see cref="SlackBotTokens"/>).
/// </summary>
public sealed class SlackApiTransport(
    IHttpClientFactory httpClients,
    SlackBotTokens tokens,
    IOptionsMonitor<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackApiTransport> logger)
{
    public const string HttpClientName = "slack-web-api";

    public SlackOptions Settings => options.CurrentValue;

    public Task<JsonObject> CallJsonAsync(string team, string method, JsonObject body, CancellationToken ct) =>
        CallAsync(team, method, () => JsonContent.Create(body), ct);

    /// <summary>For methods that take form fields only (users.info, conversations.history, conversations.list).</summary>
    public Task<JsonObject> CallFormAsync(string team, string method, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken ct) =>
        CallAsync(team, method, () => new FormUrlEncodedContent(fields), ct);

    private async Task<JsonObject> CallAsync(string team, string method, Func<HttpContent> content, CancellationToken ct)
    {
        var token = await tokens.ForTeamAsync(team, ct);
        try
        {
            return await SendAsync(method, new AuthenticationHeaderValue("Bearer", token), content, waitOutRateLimits: true, ct);
        }
        catch (SlackApiException ex) when (ex.Error is "invalid_auth" or "token_revoked" or "account_inactive" or "not_authed")
        {
            // A reinstall may have replaced the token; look it up afresh next time.
            tokens.Forget(team);
            throw;
        }
    }

    /// <summary>A call authorized otherwise than by a bot token (app credentials, the app-level token).</summary>
    public async Task<JsonObject> SendAsync(string method, AuthenticationHeaderValue authorization, Func<HttpContent> content, bool waitOutRateLimits, CancellationToken ct)
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
                if (!waitOutRateLimits || attempt >= settings.MaxInlineRetries || delay > settings.MaxInlineRetryDelay)
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

    public static string RequiredString(JsonObject answer, string property, string method) =>
        answer[property]?.GetValue<string>()
        ?? throw new SlackApiException(method, "invalid_response", $"Slack {method} returned no {property}");

    /// <summary>Slack sends whole seconds; a missing header still means "back off", so one second.</summary>
    private static TimeSpan RetryAfterOf(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta is { } delta && delta > TimeSpan.Zero ? delta : TimeSpan.FromSeconds(1);
}
