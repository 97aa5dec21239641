using Microsoft.AspNetCore.Authentication;

namespace ChatBot.Server.Auth;

/// <summary>Where a workspace-token scheme reads the token, and what its 401 tells the caller.</summary>
public sealed class WorkspaceTokenSchemeOptions : AuthenticationSchemeOptions
{
    public Func<HttpRequest, string?> ReadToken { get; set; } = WorkspaceTokenAuthenticator.BearerOf;

    public string InvalidMessage { get; set; } = "Send a valid workspace token as 'Authorization: Bearer <token>'.";
}
