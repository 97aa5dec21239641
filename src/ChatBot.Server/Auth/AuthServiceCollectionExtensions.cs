using ChatBot.Core.Workspaces;
using ChatBot.Server.Api.Trigger;
using ChatBot.Server.Ops;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace ChatBot.Server.Auth;

public static class AuthServiceCollectionExtensions
{
    /// <summary>The authentication schemes, the policy per scope, and the answers their refusals get.</summary>
    public static IServiceCollection AddChatBotAuth(this IServiceCollection services)
    {
        services.AddScoped<WorkspaceTokenAuthenticator>();
        services.AddSingleton<TokenRateLimiter>();
        services.AddSingleton<FailedAuthThrottle>();
        services.AddSingleton<IAuthorizationHandler, TokenAuthorization>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthorizationAnswers>();

        services.AddAuthentication()
            .AddScheme<WorkspaceTokenSchemeOptions, WorkspaceTokenHandler>(AuthSchemes.WorkspaceToken, _ => { })
            .AddScheme<WorkspaceTokenSchemeOptions, WorkspaceTokenHandler>(AuthSchemes.WebhookSecret, o =>
            {
                o.ReadToken = r => r.Headers[WebhookTriggerEndpoints.SecretHeader].ToString();
                o.InvalidMessage = $"Send a valid workspace token as '{WebhookTriggerEndpoints.SecretHeader}: <token>'.";
            })
            .AddScheme<WorkspaceTokenSchemeOptions, WorkspaceTokenHandler>(AuthSchemes.ApiKey, o => o.ReadToken = r => r.Headers["x-api-key"].ToString())
            .AddScheme<WorkspaceTokenSchemeOptions, WorkspaceTokenHandler>(AuthSchemes.RunWorkspaceToken, o => o.InvalidMessage = "That workspace token is not valid.")
            .AddScheme<JobTokenSchemeOptions, JobTokenHandler>(AuthSchemes.JobToken, o => o.MissingMessage = "Send the trigger's jobToken as 'Authorization: Bearer <jobToken>'.")
            .AddScheme<JobTokenSchemeOptions, JobTokenHandler>(AuthSchemes.RunJobToken,
                o => o.MissingMessage = "Send the run's job token (or a workspace token) as 'Authorization: Bearer …'.")
            .AddPolicyScheme(AuthSchemes.RunReader, "A run's job token or a workspace token", o => o.ForwardDefaultSelector = http =>
                WorkspaceToken.Parse(WorkspaceTokenAuthenticator.BearerOf(http.Request)) is not null ? AuthSchemes.RunWorkspaceToken : AuthSchemes.RunJobToken)
            .AddScheme<AuthenticationSchemeOptions, OpsAuthenticationHandler>(AuthSchemes.Ops, _ => { });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Trigger, p => p.AddRequirements(new TokenRequirement(TokenScopes.Trigger)))
            .AddPolicy(AuthPolicies.Monitors, p => p.AddRequirements(new TokenRequirement(TokenScopes.Monitors)))
            .AddPolicy(AuthPolicies.Admin, p => p.AddRequirements(new TokenRequirement(TokenScopes.Admin)))
            .AddPolicy(AuthPolicies.AnyToken, p => p.AddRequirements(new TokenRequirement(null)))
            .AddPolicy(AuthPolicies.Ops, p => p.AddAuthenticationSchemes(AuthSchemes.Ops).RequireAuthenticatedUser());
        return services;
    }
}
