using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Auth;

/// <summary>
/// Authenticates a workspace token (active, secret matching) after the failed-authentication throttle of the caller's
/// address; a missing or wrong token counts as a failed attempt. The challenge answers 429 while throttled, else 401.
/// </summary>
public sealed class WorkspaceTokenHandler(IOptionsMonitor<WorkspaceTokenSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    WorkspaceTokenAuthenticator tokens, FailedAuthThrottle throttle) : AuthenticationHandler<WorkspaceTokenSchemeOptions>(options, logger, encoder)
{
    private TimeSpan? _throttledFor;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (throttle.Blocked(Context) is { } wait)
        {
            _throttledFor = wait;
            return AuthenticateResult.Fail("Too many failed authentication attempts from this address.");
        }
        var caller = await tokens.AuthenticateAsync(Options.ReadToken(Request), Context.RequestAborted);
        if (caller is null)
        {
            throttle.RecordFailure(Context);
            return AuthenticateResult.Fail("No valid workspace token.");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.Of(caller.Token, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var errors = AuthErrors.Of(Context);
        var answer = _throttledFor is { } wait ? errors.TooManyFailedAttempts(Context, wait) : errors.InvalidToken(Context, Options.InvalidMessage);
        return answer.ExecuteAsync(Context);
    }
}
