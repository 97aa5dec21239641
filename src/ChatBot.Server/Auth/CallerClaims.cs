using System.Security.Claims;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Api.Runs;

namespace ChatBot.Server.Auth;

/// <summary>The claims an authenticated caller carries: a workspace token's id, workspace and scopes, or what a job token names.</summary>
public static class CallerClaims
{
    public const string WorkspaceId = "workspace_id";
    public const string TokenId = "token_id";
    public const string Scope = "scope";
    public const string RunId = "run_id";
    public const string JobTokenExpired = "job_token_expired";

    public static ClaimsPrincipal Of(WorkspaceToken token, string scheme) => new(new ClaimsIdentity(
        [new Claim(TokenId, token.Id), new Claim(WorkspaceId, token.WorkspaceId), .. token.Scopes.Select(s => new Claim(Scope, s))], scheme));

    public static ClaimsPrincipal Of(JobTokenClaim job, string scheme) => new(new ClaimsIdentity(
        [new Claim(RunId, job.RunId), new Claim(WorkspaceId, job.WorkspaceId), new Claim(JobTokenExpired, job.Expired ? "true" : "false")], scheme));

    /// <summary>The workspace token's id, or null when the caller holds a job token.</summary>
    public static string? TokenIdOf(this ClaimsPrincipal user) => user.FindFirstValue(TokenId);

    public static string WorkspaceIdOf(this ClaimsPrincipal user) => user.FindFirstValue(WorkspaceId)!;

    /// <summary>What the caller's job token names, or null when it holds a workspace token.</summary>
    public static JobTokenClaim? JobOf(this ClaimsPrincipal user) => user.FindFirstValue(RunId) is { } runId
        ? new JobTokenClaim(runId, user.WorkspaceIdOf(), user.FindFirstValue(JobTokenExpired) == "true")
        : null;
}
