using ChatBot.Core.Workspaces;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;

namespace ChatBot.Server.Api.Monitors;

/// <summary>
/// The Monitor API's gate: a workspace token in <c>x-api-key</c> with the <c>monitors</c> scope, within its rate.
/// The workspace is the token's own, so monitor ids of other workspaces are simply not found.
/// </summary>
public sealed class MonitorApiCaller(WorkspaceTokenAuthenticator auth, TokenRateLimiter limiter, FailedAuthThrottle throttle)
{
    public async Task<(string? WorkspaceId, IResult? Problem)> AuthorizeAsync(HttpContext http, CancellationToken ct)
    {
        if (throttle.Blocked(http) is { } wait)
        {
            var retry = ApiErrors.SetRetryAfter(http, wait);
            return (null, MonitorApiErrors.Result(http, 429, $"Too many failed authentication attempts from this address; retry in {retry}s"));
        }
        var caller = await auth.AuthenticateAsync(http.Request.Headers["x-api-key"].ToString(), ct);
        if (caller is null)
        {
            throttle.RecordFailure(http);
            return (null, MonitorApiErrors.Result(http, 401, MonitorApiErrors.Unauthorized));
        }
        if (!caller.Token.HasScope(TokenScopes.Monitors))
            return (null, MonitorApiErrors.Result(http, 403, "Forbidden: this API key lacks the 'monitors' scope"));
        if (limiter.TryAcquire(caller.Token.Id) is { } retryAfter)
        {
            var seconds = ApiErrors.SetRetryAfter(http, retryAfter);
            return (null, MonitorApiErrors.Result(http, 429, $"Too many requests: over {TokenRateLimiter.RequestsPerMinute} per minute for this key; retry in {seconds}s"));
        }
        return (caller.WorkspaceId, null);
    }
}
