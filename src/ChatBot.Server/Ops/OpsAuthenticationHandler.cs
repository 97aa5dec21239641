using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using ChatBot.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Ops;

/// <summary>
/// Who may use the ops API, dashboard and playground: HTTP Basic with the configured credentials (compared in constant
/// time, after the failed-authentication throttle), or, with none configured, loopback callers only, whom the
/// challenge otherwise answers with 403.
/// </summary>
public sealed class OpsAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<OpsOptions> ops, FailedAuthThrottle throttle) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Realm = "Basic realm=\"ChatBot\"";

    private TimeSpan? _throttledFor;
    private (string Code, string Message) _refusal = ("AUTH_REQUIRED", "HTTP Basic authentication required.");

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(Authenticate(ops.Value));

    private AuthenticateResult Authenticate(OpsOptions settings)
    {
        if (!settings.HasCredentials) return LoopbackCaller.Is(Context) ? Operator("loopback") : AuthenticateResult.NoResult();
        if (throttle.Blocked(Context) is { } wait)
        {
            _throttledFor = wait;
            return AuthenticateResult.Fail("Too many failed authentication attempts from this address.");
        }
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            return Failed("Malformed Basic credentials.");
        }
        var colon = decoded.IndexOf(':');
        var user = colon < 0 ? decoded : decoded[..colon];
        var password = colon < 0 ? "" : decoded[(colon + 1)..];
        var ok = SafeEquals(user, settings.Username!) & SafeEquals(password, settings.Password!);
        return ok ? Operator(user) : Failed("Invalid credentials.");
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!ops.Value.HasCredentials)
        {
            return ApiErrors.Result(403, "LOOPBACK_ONLY",
                "The ops API, dashboard and playground are served to loopback callers (a loopback Host, no forwarding headers) only until Ops__Username and Ops__Password are set.")
                .ExecuteAsync(Context);
        }
        if (_throttledFor is { } wait) return ApiErrors.TooManyFailedAttempts(Context, wait).ExecuteAsync(Context);
        Response.Headers.WWWAuthenticate = Realm;
        return ApiErrors.Result(401, _refusal.Code, _refusal.Message).ExecuteAsync(Context);
    }

    private AuthenticateResult Failed(string message)
    {
        throttle.RecordFailure(Context);
        _refusal = ("AUTH_FAILED", message);
        return AuthenticateResult.Fail(message);
    }

    private AuthenticateResult Operator(string name) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], Scheme.Name)), Scheme.Name));

    /// <summary>Hashing first makes the comparison constant-time regardless of the lengths involved.</summary>
    private static bool SafeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
