namespace ChatBot.Server.Auth;

/// <summary>
/// How an API words the answers of authentication and authorization. The one error shape by default; an API with its
/// own (the Monitor API) puts its instance in its endpoints' metadata.
/// </summary>
public abstract class AuthErrors
{
    public abstract IResult TooManyFailedAttempts(HttpContext http, TimeSpan retryAfter);

    /// <param name="message">How this API wants the token sent, for APIs that say it.</param>
    public abstract IResult InvalidToken(HttpContext http, string message);

    public abstract IResult WrongWorkspace(HttpContext http);

    public abstract IResult MissingScope(HttpContext http, string scope);

    public abstract IResult RateLimited(HttpContext http, TimeSpan retryAfter);

    /// <summary>The endpoint's own wording, else the one error shape's.</summary>
    public static AuthErrors Of(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<AuthErrors>() ?? Errors.ApiAuthErrors.Instance;
}
