using System.Text.Encodings.Web;
using ChatBot.Server.Api.Runs;
using ChatBot.Server.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Auth;

/// <summary>
/// Authenticates a job token (one we signed, expired or not: the endpoint answers an expired one with its own 403)
/// sent as Bearer, after the failed-authentication throttle. No token is a 401 saying how to send one.
/// </summary>
public sealed class JobTokenHandler(IOptionsMonitor<JobTokenSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    JobTokens jobTokens, FailedAuthThrottle throttle) : AuthenticationHandler<JobTokenSchemeOptions>(options, logger, encoder)
{
    private TimeSpan? _throttledFor;
    private bool _missing;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = WorkspaceTokenAuthenticator.BearerOf(Request);
        if (string.IsNullOrEmpty(presented))
        {
            _missing = true;
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (throttle.Blocked(Context) is { } wait)
        {
            _throttledFor = wait;
            return Task.FromResult(AuthenticateResult.Fail("Too many failed authentication attempts from this address."));
        }
        if (jobTokens.Read(presented) is not { } claim)
        {
            throttle.RecordFailure(Context);
            return Task.FromResult(AuthenticateResult.Fail("Not a job token we signed."));
        }
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.Of(claim, Scheme.Name), Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var answer = _missing ? ApiErrors.Result(401, "AUTH_REQUIRED", Options.MissingMessage)
            : _throttledFor is { } wait ? ApiErrors.TooManyFailedAttempts(Context, wait)
            : ApiErrors.Result(401, "INVALID_TOKEN", "That job token is not valid.");
        return answer.ExecuteAsync(Context);
    }
}
