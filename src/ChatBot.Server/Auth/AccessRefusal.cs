using Microsoft.AspNetCore.Authorization;

namespace ChatBot.Server.Auth;

/// <summary>Why an authenticated caller was refused, and the answer to send, worded by the endpoint's <see cref="AuthErrors"/>.</summary>
public sealed class AccessRefusal(IAuthorizationHandler handler, string reason, Func<AuthErrors, HttpContext, IResult> answer)
    : AuthorizationFailureReason(handler, reason)
{
    public IResult AnswerFor(HttpContext http) => answer(AuthErrors.Of(http), http);
}
