using ChatBot.Server.Auth;
using ChatBot.Server.Errors;

namespace ChatBot.Server.Api.Monitors;

/// <summary>Authentication and authorization answers in the Monitor API's own error shape.</summary>
public sealed class MonitorApiAuthErrors : AuthErrors
{
    public static readonly MonitorApiAuthErrors Instance = new();

    public override IResult TooManyFailedAttempts(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = ApiErrors.SetRetryAfter(http, retryAfter);
        return MonitorApiErrors.Result(http, 429, $"Too many failed authentication attempts from this address; retry in {seconds}s");
    }

    public override IResult InvalidToken(HttpContext http, string message) => MonitorApiErrors.Result(http, 401, MonitorApiErrors.Unauthorized);

    // The key's own workspace is the one it reads; no URL names another.
    public override IResult WrongWorkspace(HttpContext http) => MonitorApiErrors.Result(http, 404, MonitorApiErrors.NotFound);

    public override IResult MissingScope(HttpContext http, string scope) =>
        MonitorApiErrors.Result(http, 403, $"Forbidden: this API key lacks the '{scope}' scope");

    public override IResult RateLimited(HttpContext http, TimeSpan retryAfter)
    {
        var seconds = ApiErrors.SetRetryAfter(http, retryAfter);
        return MonitorApiErrors.Result(http, 429, $"Too many requests: over {TokenRateLimiter.RequestsPerMinute} per minute for this key; retry in {seconds}s");
    }
}
