using ChatBot.Server.Errors;

namespace ChatBot.Server.Auth;

/// <summary>The gate of every workspace-token API: a valid token, of this workspace, with the scope, within its rate.</summary>
public sealed class WorkspaceAccess(WorkspaceTokenAuthenticator auth, TokenRateLimiter limiter, FailedAuthThrottle throttle)
{
    /// <returns>The caller, or the error response to send instead.</returns>
    public Task<(WorkspaceCaller? Caller, IResult? Problem)> AuthorizeAsync(HttpContext http, string workspaceId, string? scope, CancellationToken ct) =>
        AuthorizeAsync(http, WorkspaceTokenAuthenticator.BearerOf(http.Request), "'Authorization: Bearer <token>'", workspaceId, scope, ct);

    /// <param name="presented">The token as sent, from whichever header the API reads it.</param>
    /// <param name="sendItAs">How the API wants it sent, for the 401's message.</param>
    public async Task<(WorkspaceCaller? Caller, IResult? Problem)> AuthorizeAsync(HttpContext http, string? presented, string sendItAs,
        string workspaceId, string? scope, CancellationToken ct)
    {
        if (throttle.Blocked(http) is { } wait) return (null, ApiErrors.TooManyFailedAttempts(http, wait));
        var caller = await auth.AuthenticateAsync(presented, ct);
        if (caller is null)
        {
            throttle.RecordFailure(http);
            return (null, ApiErrors.Result(http, 401, "INVALID_TOKEN", $"Send a valid workspace token as {sendItAs}."));
        }
        if (caller.WorkspaceId != workspaceId) return (null, ApiErrors.Result(http, 403, "WRONG_WORKSPACE", "This token belongs to another workspace."));
        if (scope is not null && !caller.Token.HasScope(scope))
            return (null, ApiErrors.Result(http, 403, "MISSING_SCOPE", $"This token lacks the '{scope}' scope."));
        if (limiter.TryAcquire(caller.Token.Id) is { } retryAfter) return (null, ApiErrors.TooManyRequests(http, retryAfter));
        return (caller, null);
    }
}
