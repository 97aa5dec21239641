using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Teams.Activities;
using ChatBot.Teams.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API (v3): send to a conversation, reply in a chain, update an activity, create a 1:1
/// conversation. Throttling and transient gateway errors (429, 412, 502, 504) are retried a bounded number of times
/// with exponential backoff and jitter, honouring Retry-After; everything else, notably 403 BotNotInConversationRoster
/// or ConversationBlockedByUser, fails at once. Only trusted service URLs ever receive our token; in local mode only
/// loopback ones are posted to, without a token.
/// </summary>
public sealed class BotConnectorClient(
    IHttpClientFactory clients,
    EntraTokenProvider tokens,
    TrustedServiceUrls trusted,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotConnectorClient> logger)
{
    public const string HttpClientName = "ChatBot.Teams.Connector";

    /// <summary>Answers that are final for the conversation: the bot was removed from it, or the user blocked it.</summary>
    private static readonly HashSet<string> GoneCodes = ["BotNotInConversationRoster", "ConversationBlockedByUser"];

    private static readonly HashSet<HttpStatusCode> Retryable =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.PreconditionFailed, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout];

    public async Task<string> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken ct) =>
        (await SendJsonAsync(HttpMethod.Post, serviceUrl, conversationId, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", activity, ct)).Id ?? "";

    public async Task<string> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken ct) =>
        (await SendJsonAsync(HttpMethod.Post, serviceUrl, conversationId,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}",
            activity with { ReplyToId = replyToId }, ct)).Id ?? "";

    public Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct) =>
        SendJsonAsync(HttpMethod.Put, serviceUrl, conversationId,
            $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}",
            activity with { Id = activityId }, ct);

    /// <summary>Opens (or finds) the 1:1 conversation with a user of the tenant and returns its id.</summary>
    public async Task<string> CreatePersonalConversationAsync(string serviceUrl, string tenantId, string userId, CancellationToken ct)
    {
        var body = new
        {
            isGroup = false,
            bot = new { id = options.Value.AppId },
            members = new[] { new { id = userId } },
            tenantId,
            channelData = new { tenant = new { id = tenantId } },
        };
        var created = await SendJsonAsync(HttpMethod.Post, serviceUrl, null, "v3/conversations", body, ct);
        return created.Id ?? throw new ConnectorException(HttpStatusCode.BadGateway, null, "The connector created a conversation without an id.");
    }

    private async Task<ResourceResponse> SendJsonAsync<T>(HttpMethod method, string serviceUrl, string? conversationId, string path, T body, CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.IsLocalMode ? !LoopbackAddress.IsLoopbackUrl(serviceUrl) : !trusted.IsTrusted(serviceUrl))
            throw new InvalidOperationException($"Refusing to send to an untrusted service URL: {serviceUrl}");
        var uri = new Uri(new Uri(TrustedServiceUrls.Normalize(serviceUrl) + "/"), path);
        var client = clients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri) { Content = JsonContent.Create(body, options: Activity.Json) };
            // Local mode has no app to get a token for; the local client expects none.
            if (!settings.IsLocalMode)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetConnectorTokenAsync(ct));
            using var response = await client.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                var text = await response.Content.ReadAsStringAsync(ct);
                return string.IsNullOrWhiteSpace(text) ? new ResourceResponse(null) : JsonSerializer.Deserialize<ResourceResponse>(text) ?? new ResourceResponse(null);
            }

            var (code, message) = await ErrorOfAsync(response, ct);
            if (conversationId is not null && response.StatusCode == HttpStatusCode.Forbidden && code is not null && GoneCodes.Contains(code))
                throw new DestinationGoneException(ChatPlatform.Teams, TeamsConversation.Split(conversationId).ChannelId, code,
                    new ConnectorException(response.StatusCode, code, message));
            if (!Retryable.Contains(response.StatusCode) || attempt >= settings.ConnectorMaxAttempts)
                throw new ConnectorException(response.StatusCode, code, $"Bot connector answered {(int)response.StatusCode} {code}: {message}");

            var delay = DelayFor(attempt, response.Headers.RetryAfter, settings.ConnectorRetryBaseDelay);
            logger.LogWarning("Bot connector answered {Status} to {Method} {Path}; retry {Attempt} in {Delay}", (int)response.StatusCode, method, path, attempt, delay);
            await Task.Delay(delay, time, ct);
        }
    }

    /// <summary>Retry-After when the connector sends one (capped), otherwise exponential backoff with full jitter.</summary>
    internal TimeSpan DelayFor(int attempt, RetryConditionHeaderValue? retryAfter, TimeSpan baseDelay)
    {
        var cap = TimeSpan.FromSeconds(30);
        if (retryAfter?.Delta is { } delta) return delta < cap ? delta : cap;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait < cap ? wait : cap;
        }
        var ceiling = baseDelay * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Math.Min(ceiling.TotalMilliseconds, cap.TotalMilliseconds));
    }

    private static async Task<(string? Code, string Message)> ErrorOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                return (error.TryGetProperty("code", out var c) ? c.GetString() : null,
                        error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "");
        }
        catch (JsonException)
        {
            // Not JSON: report the text itself.
        }
        return (null, text.Length > 200 ? text[..200] : text);
    }
}
