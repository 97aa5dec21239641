namespace ChatBot.Server.Auth;

/// <summary>What an endpoint needs, named after the token scope it asks for (<see cref="ChatBot.Core.Workspaces.TokenScopes"/>).</summary>
public static class AuthPolicies
{
    public const string Trigger = "trigger";
    public const string Monitors = "monitors";
    public const string Admin = "admin";
    /// <summary>Any valid token of the workspace (or run) the URL names, whatever its scopes.</summary>
    public const string AnyToken = "token";
    public const string Ops = "ops";
}
