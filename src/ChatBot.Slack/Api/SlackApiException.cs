namespace ChatBot.Slack.Api;

/// <summary>
/// A Web API call that Slack refused: HTTP 200 with <c>{"ok":false,"error":"channel_not_found"}</c>, or a
/// non-2xx status (error <c>http_503</c>). <see cref="Error"/> is Slack's machine-readable code.
/// </summary>
public class SlackApiException(string method, string error, string? message = null)
    : Exception(message ?? $"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}
