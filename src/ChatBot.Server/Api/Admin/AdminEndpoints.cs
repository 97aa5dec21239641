using ChatBot.Agent.Egress;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Tokens;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using ChatBot.Server.Ops;
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
        var admin = endpoints.MapGroup("/api/workspace/{workspace_id}/admin").WithTags("Admin").RequireToken(AuthPolicies.Admin);
        admin.MapGet("/tokens", ListTokensAsync);
        admin.MapPost("/tokens", IssueTokenAsync).Accepts<IssueTokenRequest>("application/json");
        admin.MapPost("/tokens/{token_id}/rotate", RotateTokenAsync);
        admin.MapDelete("/tokens/{token_id}", RevokeTokenAsync);
        admin.MapGet("/settings", GetSettingsAsync);
        admin.MapPatch("/settings", PatchSettingsAsync).Accepts<WorkspaceSettingsDto>("application/json");
        admin.MapPost("/webhook-secret/rotate", RotateWebhookSecretAsync);
        return endpoints;
    }

    private static async Task<IResult> ListTokensAsync(HttpContext http, string workspace_id, ChatBotDbContext db, CancellationToken ct)
    {
        var tokens = await db.WorkspaceTokens.AsNoTracking().Where(t => t.WorkspaceId == workspace_id).ToListAsync(ct);
        return Results.Json(new { data = tokens.OrderBy(t => t.CreatedAt).Select(TokenSummary.Of) });
    }

    private static async Task<IResult> IssueTokenAsync(HttpContext http, string workspace_id,
        TokenIssuing tokens, CancellationToken ct)
    {
        var (body, unreadable) = await JsonBody.ReadAsync<IssueTokenRequest>(http, ct);
        if (unreadable is not null) return unreadable;
        if (body!.Problem() is var (code, message)) return ApiErrors.Result(http, 400, code, message);
        var issued = await tokens.IssueAsync(workspace_id, body.Name!, body.Scopes!, createWorkspace: false, ct);
        return Results.Json(IssuedTokenResponse.Of(issued.Subject!), statusCode: 201);
    }

    /// <summary>A new secret with the same name and scopes; the old token stops working in the same commit.</summary>
    private static async Task<IResult> RotateTokenAsync(HttpContext http, string workspace_id, string token_id,
        TokenIssuing tokens, CancellationToken ct)
    {
        var outcome = await tokens.RotateAsync(workspace_id, token_id, ct);
        return outcome.Kind switch
        {
            OutcomeKind.Changed => Results.Json(IssuedTokenResponse.Of(outcome.Subject!), statusCode: 201),
            OutcomeKind.NotFound => ApiErrors.Result(http, 404, "TOKEN_NOT_FOUND", outcome.Reason!),
            _ => ApiErrors.Result(http, 409, "TOKEN_ALREADY_REVOKED", outcome.Reason!),
        };
    }

    private static async Task<IResult> RevokeTokenAsync(HttpContext http, string workspace_id, string token_id,
        TokenIssuing tokens, CancellationToken ct)
    {
        var outcome = await tokens.RevokeAsync(workspace_id, token_id, ct);
        // Revoking twice leaves the token revoked, as asked.
        return outcome.Kind == OutcomeKind.NotFound ? ApiErrors.Result(http, 404, "TOKEN_NOT_FOUND", outcome.Reason!) : Results.NoContent();
    }

    private static async Task<IResult> GetSettingsAsync(HttpContext http, string workspace_id, ChatBotDbContext db, CancellationToken ct)
    {
        var workspace = await db.Workspaces.AsNoTracking().SingleAsync(w => w.Id == workspace_id, ct);
        return Results.Json(WorkspaceSettingsDto.Of(workspace));
    }

    private static async Task<IResult> PatchSettingsAsync(HttpContext http, string workspace_id,
        ChatBotDbContext db, EgressPolicy egress, CancellationToken ct)
    {
        var (patch, unreadable) = await JsonBody.ReadAsync<WorkspaceSettingsDto>(http, ct);
        if (unreadable is not null) return unreadable;
        if (WorkspaceSettingsUpdate.Problem(patch!, egress) is var (status, code, message)) return ApiErrors.Result(http, status, code, message);
        if (patch!.DefaultReceiptChannel is { } channel
            && await ChatConnections.RefusalAsync(db, workspace_id, channel.Platform, ct) is var (refusedCode, refused))
            return ApiErrors.Result(http, 403, refusedCode, refused);
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspace_id, ct);
        WorkspaceSettingsUpdate.Apply(workspace, patch!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiErrors.Result(http, 409, "CONFLICT", "The settings changed while you were saving; read them again and retry.");
        }
        return Results.Json(WorkspaceSettingsDto.Of(workspace));
    }

    /// <summary>
    /// A new Standard Webhooks signing secret, shown once like a token's (secrets are never readable later);
    /// pushes sign with it from now on.
    /// </summary>
    private static async Task<IResult> RotateWebhookSecretAsync(HttpContext http, string workspace_id, ChatBotDbContext db, CancellationToken ct)
    {
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspace_id, ct);
        workspace.RotateWebhookSecret();
        workspace.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another rotation won the race; its secret is the one in force, and this one was never shown.
            return ApiErrors.Result(http, 409, "CONFLICT", "Another rotation of the webhook secret happened at the same time; rotate again to get a secret you know.");
        }
        return Results.Json(new { secret = workspace.WebhookSecret });
    }
}
