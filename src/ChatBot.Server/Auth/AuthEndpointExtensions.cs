using Microsoft.AspNetCore.Authorization;

namespace ChatBot.Server.Auth;

public static class AuthEndpointExtensions
{
    /// <summary>
    /// Requires a token allowed by <paramref name="policy"/>, presented as <paramref name="scheme"/> reads it. The token
    /// policies name no scheme themselves: each API reads its token from its own header, and its 401 says which.
    /// </summary>
    public static TBuilder RequireToken<TBuilder>(this TBuilder endpoints, string policy, string scheme = AuthSchemes.WorkspaceToken)
        where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(new AuthorizeAttribute(policy) { AuthenticationSchemes = scheme });
}
