namespace ChatBot.Slack.Api;

/// <summary>
/// HTTP 429 that outlasted the client's short inline waits. Transient: the caller (a delivery job with its
/// bounded retries) should try again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class SlackRateLimitedException(string method, TimeSpan retryAfter)
    : SlackApiException(method, "ratelimited", $"Slack {method} is rate limited; retry after {retryAfter.TotalSeconds:0.#}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
