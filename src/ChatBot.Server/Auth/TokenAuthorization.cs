using Microsoft.AspNetCore.Authorization;

namespace ChatBot.Server.Auth;

/// <summary>
/// Checks a <see cref="TokenRequirement"/> in the order the APIs have always answered: workspace (403), scope (403),
/// then the rate (429), so a refused request never spends the token's rate.
/// </summary>
public sealed class TokenAuthorization(TokenRateLimiter limiter) : AuthorizationHandler<TokenRequirement>
{
    /// <summary>The route values that name a workspace in the token APIs' URLs.</summary>
    private static readonly string[] WorkspaceRouteValues = ["workspace_id", "workspaceId"];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenRequirement requirement)
    {
        if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var user = context.User;
        if (user.JobOf() is { } job)
        {
            // A job token reads one run; its polling counts against that run.
            if (limiter.TryAcquire("job:" + job.RunId) is { } wait) return Refuse(context, "rate limited", (e, h) => e.RateLimited(h, wait));
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        var named = WorkspaceRouteValues.Select(v => http.GetRouteValue(v) as string).FirstOrDefault(v => v is not null);
        if (named is not null && named != user.WorkspaceIdOf()) return Refuse(context, "wrong workspace", (e, h) => e.WrongWorkspace(h));
        if (requirement.Scope is { } scope && !user.HasClaim(CallerClaims.Scope, scope))
            return Refuse(context, "missing scope " + scope, (e, h) => e.MissingScope(h, scope));
        if (limiter.TryAcquire(user.TokenIdOf()!) is { } retryAfter) return Refuse(context, "rate limited", (e, h) => e.RateLimited(h, retryAfter));
        context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private Task Refuse(AuthorizationHandlerContext context, string reason, Func<AuthErrors, HttpContext, IResult> answer)
    {
        context.Fail(new AccessRefusal(this, reason, answer));
        return Task.CompletedTask;
    }
}
