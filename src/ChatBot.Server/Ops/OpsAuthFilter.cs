using System.Security.Cryptography;
using System.Text;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using ChatBot.Server.Security;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Ops;

/// <summary>
/// Guards the ops API, dashboard and playground: HTTP Basic with the configured credentials (compared in constant time),
/// or, with none configured, loopback callers only.
/// </summary>
public sealed class OpsAuthFilter(IOptions<OpsOptions> options) : IEndpointFilter
{
    public const string Realm = "Basic realm=\"ChatBot\"";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        return Authorize(http, options.Value) switch
        {
            null => await next(context),
            var failure => failure,
        };
    }

    /// <summary>Null when the caller may proceed, else the response to send.</summary>
    public static IResult? Authorize(HttpContext http, OpsOptions ops)
    {
        if (!ops.HasCredentials)
        {
            return LoopbackCaller.Is(http)
                ? null
                : ApiErrors.Result(http, 403, "LOOPBACK_ONLY",
                    "The ops API, dashboard and playground are served to loopback callers (a loopback Host, no forwarding headers) only until Ops__Username and Ops__Password are set.");
        }

        var throttle = http.RequestServices.GetRequiredService<FailedAuthThrottle>();
        if (throttle.Blocked(http) is { } wait) return ApiErrors.TooManyFailedAttempts(http, wait);
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return Challenge(http, "AUTH_REQUIRED", "HTTP Basic authentication required.");
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
        }
        catch (FormatException)
        {
            throttle.RecordFailure(http);
            return Challenge(http, "AUTH_FAILED", "Malformed Basic credentials.");
        }
        var colon = decoded.IndexOf(':');
        var user = colon < 0 ? decoded : decoded[..colon];
        var password = colon < 0 ? "" : decoded[(colon + 1)..];
        var ok = SafeEquals(user, ops.Username!) & SafeEquals(password, ops.Password!);
        if (ok) return null;
        throttle.RecordFailure(http);
        return Challenge(http, "AUTH_FAILED", "Invalid credentials.");
    }

    private static IResult Challenge(HttpContext http, string code, string message)
    {
        http.Response.Headers.WWWAuthenticate = Realm;
        return ApiErrors.Result(http, 401, code, message);
    }

    /// <summary>Hashing first makes the comparison constant-time regardless of the lengths involved.</summary>
    private static bool SafeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
