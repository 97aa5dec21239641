using ChatBot.Server.Auth;

namespace ChatBot.Server.Errors;

/// <summary>Authentication and authorization answers in the one error shape.</summary>
public sealed class ApiAuthErrors : AuthErrors
{
    public static readonly ApiAuthErrors Instance = new();

    public override IResult TooManyFailedAttempts(HttpContext http, TimeSpan retryAfter) => ApiErrors.TooManyFailedAttempts(http, retryAfter);

    public override IResult InvalidToken(HttpContext http, string message) => ApiErrors.Result(401, "INVALID_TOKEN", message);

    public override IResult WrongWorkspace(HttpContext http) => ApiErrors.Result(403, "WRONG_WORKSPACE", "This token belongs to another workspace.");

    public override IResult MissingScope(HttpContext http, string scope) => ApiErrors.Result(403, "MISSING_SCOPE", $"This token lacks the '{scope}' scope.");

    public override IResult RateLimited(HttpContext http, TimeSpan retryAfter) => ApiErrors.TooManyRequests(http, retryAfter);
}
