using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ChatBot.Server.Auth;

/// <summary>
/// Answers a refused caller with the refusal's own error (403 wrong workspace or scope, 429 over the rate) instead of a
/// bare 403; challenges go to the schemes, whose handlers write their 401/429.
/// </summary>
public sealed class AuthorizationAnswers : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.OfType<AccessRefusal>().FirstOrDefault() is { } refusal)
            return refusal.AnswerFor(context).ExecuteAsync(context);
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
