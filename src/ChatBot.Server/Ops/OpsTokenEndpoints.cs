using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Application.Tokens;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;

namespace ChatBot.Server.Ops;

public static class OpsTokenEndpoints
{
    /// <summary>
    /// <c>POST /api/ops/workspaces/{workspace_id}/tokens</c>: the bootstrap that issues a workspace's first API token
    /// (creating the workspace if needed). The secret is returned once and stored hashed.
    /// </summary>
    public static RouteGroupBuilder MapOpsTokens(this RouteGroupBuilder ops)
    {
        ops.MapPost("/workspaces/{workspace_id}/tokens", IssueAsync).Accepts<IssueTokenRequest>("application/json");
        return ops;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, string workspace_id,
        TokenIssuing tokens, CancellationToken ct)
    {
        if (!WorkspaceIds.IsValid(workspace_id))
            return ApiErrors.Result(400, "INVALID_WORKSPACE_ID", "Workspace ids are 1-64 letters, digits, '-', '_' or '.'.");
        var (body, unreadable) = await JsonBody.ReadAsync<IssueTokenRequest>(http, ct);
        if (unreadable is not null) return unreadable;
        if (body!.Problem() is var (code, message)) return ApiErrors.Result(400, code, message);

        var issued = await tokens.IssueAsync(workspace_id, body.Name!, body.Scopes!, createWorkspace: true, ct);
        return Results.Json(IssuedTokenResponse.Of(issued.Subject!), statusCode: 201);
    }
}
