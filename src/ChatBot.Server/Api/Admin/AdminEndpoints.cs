using ChatBot.Jobs.Application;
using ChatBot.Jobs.Workspaces;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using ChatBot.Server.Ops;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Admin;

/// <summary>
/// The workspace admin API (an <c>admin</c>-scoped workspace token): tokens (issue, list, rotate, revoke),
/// receipt settings, approvers, spend cap, webhook allowlist and the webhook signing secret (rotated, shown once).
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/workspace/{workspace_id}/admin").WithTags("Admin").RequireToken(AuthPolicies.Admin)
            .ProducesApiErrors(ApiErrorMetadata.TokenAuth);
        admin.MapGet("/tokens", ListTokensAsync);
        admin.MapPost("/tokens", IssueTokenAsync).Accepts<IssueTokenRequest>("application/json").ProducesApiErrors(ApiErrorMetadata.JsonBody);
        admin.MapPost("/tokens/{token_id}/rotate", RotateTokenAsync).ProducesApiErrors(404, 409);
        admin.MapDelete("/tokens/{token_id}", RevokeTokenAsync).ProducesApiErrors(404);
        admin.MapGet("/settings", GetSettingsAsync);
        admin.MapPatch("/settings", PatchSettingsAsync).Accepts<WorkspaceSettingsDto>("application/json")
            .ProducesApiErrors([.. ApiErrorMetadata.JsonBody, 403, 409, 422]);
        admin.MapPost("/webhook-secret/rotate", RotateWebhookSecretAsync).ProducesApiErrors(409);
        return endpoints;
    }

    private static async Task<Ok<DataList<TokenSummary>>> ListTokensAsync(string workspace_id, [AsParameters] AdminServices services, CancellationToken ct)
    {
        var tokens = await services.Db.WorkspaceTokens.AsNoTracking().Where(t => t.WorkspaceId == workspace_id).ToListAsync(ct);
        return TypedResults.Ok(new DataList<TokenSummary>(tokens.OrderBy(t => t.CreatedAt).Select(TokenSummary.Of)));
    }

    private static async Task<Results<Created<IssuedTokenResponse>, ApiProblem>> IssueTokenAsync(string workspace_id, [AsParameters] AdminServices services,
        CancellationToken ct)
    {
        var (body, unreadable) = await JsonBody.ReadAsync<IssueTokenRequest>(services.Http, ct);
        if (unreadable is not null) return unreadable;
        if (body!.Problem() is var (code, message)) return ApiErrors.Result(400, code, message);
        var issued = await services.Tokens.IssueAsync(workspace_id, body.Name!, body.Scopes!, createWorkspace: false, ct);
        return TypedResults.Created((string?)null, IssuedTokenResponse.Of(issued.Subject!));
    }

    /// <summary>A new secret with the same name and scopes; the old token stops working in the same commit.</summary>
    private static async Task<Results<Created<IssuedTokenResponse>, ApiProblem>> RotateTokenAsync(string workspace_id, string token_id,
        [AsParameters] AdminServices services, CancellationToken ct)
    {
        var outcome = await services.Tokens.RotateAsync(workspace_id, token_id, ct);
        return outcome.Kind switch
        {
            OutcomeKind.Changed => TypedResults.Created((string?)null, IssuedTokenResponse.Of(outcome.Subject!)),
            OutcomeKind.NotFound => ApiErrors.Result(404, "TOKEN_NOT_FOUND", outcome.Reason!),
            _ => ApiErrors.Result(409, "TOKEN_ALREADY_REVOKED", outcome.Reason!),
        };
    }

    private static async Task<Results<NoContent, ApiProblem>> RevokeTokenAsync(string workspace_id, string token_id, [AsParameters] AdminServices services,
        CancellationToken ct)
    {
        var outcome = await services.Tokens.RevokeAsync(workspace_id, token_id, ct);
        // Revoking twice leaves the token revoked, as asked.
        if (outcome.Kind == OutcomeKind.NotFound) return ApiErrors.Result(404, "TOKEN_NOT_FOUND", outcome.Reason!);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<WorkspaceSettingsDto>> GetSettingsAsync(string workspace_id, [AsParameters] AdminServices services, CancellationToken ct)
    {
        var workspace = await services.Db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspace_id, ct);
        return TypedResults.Ok(WorkspaceSettingsDto.Of(workspace));
    }

    private static async Task<Results<Ok<WorkspaceSettingsDto>, ApiProblem>> PatchSettingsAsync(string workspace_id, [AsParameters] AdminServices services,
        CancellationToken ct)
    {
        var (http, db) = (services.Http, services.Db);
        var (patch, unreadable) = await JsonBody.ReadAsync<WorkspaceSettingsDto>(http, ct);
        if (unreadable is not null) return unreadable;
        if (WorkspaceSettingsUpdate.Problem(patch!, services.Egress) is var (status, code, message)) return ApiErrors.Result(status, code, message);
        if (patch!.DefaultReceiptChannel is { } channel
            && await ChatConnections.RefusalAsync(db, workspace_id, channel.Platform, ct) is var (refusedCode, refused))
            return ApiErrors.Result(403, refusedCode, refused);
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspace_id, ct);
        WorkspaceSettingsUpdate.Apply(workspace, patch!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiErrors.Result(409, "CONFLICT", "The settings changed while you were saving; read them again and retry.");
        }
        return TypedResults.Ok(WorkspaceSettingsDto.Of(workspace));
    }

    /// <summary>
    /// A new Standard Webhooks signing secret, shown once like a token's (secrets are never readable later);
    /// pushes sign with it from now on.
    /// </summary>
    private static async Task<Results<Ok<WebhookSecretResponse>, ApiProblem>> RotateWebhookSecretAsync(string workspace_id, [AsParameters] AdminServices services,
        CancellationToken ct)
    {
        var workspace = await services.Db.Workspaces.SingleAsync(w => w.Id == workspace_id, ct);
        workspace.RotateWebhookSecret();
        workspace.Version++;
        try
        {
            await services.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another rotation won the race; its secret is the one in force, and this one was never shown.
            return ApiErrors.Result(409, "CONFLICT", "Another rotation of the webhook secret happened at the same time; rotate again to get a secret you know.");
        }
        return TypedResults.Ok(new WebhookSecretResponse(workspace.WebhookSecret));
    }
}
