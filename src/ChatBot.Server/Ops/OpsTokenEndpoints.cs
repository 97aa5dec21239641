using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
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
        ops.MapPost("/workspaces/{workspace_id}/tokens", IssueAsync);
        return ops;
    }

    private static async Task<IResult> IssueAsync(HttpContext http, string workspace_id, IssueTokenRequest? body,
        WorkspaceDirectory workspaces, ChatBotDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!WorkspaceIds.IsValid(workspace_id))
            return ApiErrors.Result(http, 400, "INVALID_WORKSPACE_ID", "Workspace ids are 1-64 letters, digits, '-', '_' or '.'.");
        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
            return ApiErrors.Result(http, 400, "INVALID_NAME", "Give the token a name of 1-100 characters, e.g. \"ci-pipeline\".");
        var scopes = body!.Scopes ?? [];
        var unknown = scopes.Where(s => !TokenScopes.All.Contains(s)).ToList();
        if (scopes.Count == 0 || unknown.Count > 0)
            return ApiErrors.Result(http, 400, "INVALID_SCOPES", $"Scopes must be a non-empty subset of: {string.Join(", ", TokenScopes.All)}.");

        await workspaces.EnsureExistsAsync(workspace_id, ct);
        var (token, plaintext) = WorkspaceToken.Issue(workspace_id, name, scopes, time.GetUtcNow());
        db.WorkspaceTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return Results.Json(new IssuedTokenResponse(token.Id, plaintext, token.Name, workspace_id, token.Scopes), statusCode: 201);
    }
}
