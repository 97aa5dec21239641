using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Application.Tokens;

/// <summary>
/// Issuing, rotating and revoking workspace tokens, for the admin API and the ops bootstrap. Secrets are stored hashed.
/// A token is revoked once: of two rotations (or a rotation and a revoke) at the same time one wins, and the other is
/// told the token is no longer active rather than minting a second successor.
/// </summary>
public sealed class TokenIssuing(ChatBotDbContext db, WorkspaceDirectory workspaces, TimeProvider time)
{
    /// <param name="createWorkspace">The ops bootstrap: the workspace's first token may come before the workspace.</param>
    public async Task<Outcome<IssuedToken>> IssueAsync(string workspaceId, string name, IEnumerable<string> scopes, bool createWorkspace, CancellationToken ct)
    {
        if (createWorkspace) await workspaces.EnsureExistsAsync(workspaceId, ct);
        var issued = Add(workspaceId, name, scopes);
        await db.SaveChangesAsync(ct);
        return Outcome<IssuedToken>.Changed(issued);
    }

    /// <summary>A new secret with the same name and scopes; the old token stops working in the same commit.</summary>
    public async Task<Outcome<IssuedToken>> RotateAsync(string workspaceId, string tokenId, CancellationToken ct)
    {
        var token = await db.WorkspaceTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tokenId && t.WorkspaceId == workspaceId, ct);
        if (token is null || !token.IsActive) return Outcome<IssuedToken>.NotFound($"No active token {tokenId} in this workspace.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await RevokeIfActiveAsync(tokenId, ct))
            return Outcome<IssuedToken>.AlreadyInState(new IssuedToken(token, ""), $"Token {tokenId} was revoked or rotated meanwhile; its successor, if any, went to whoever rotated it.");
        var issued = Add(workspaceId, token.Name, token.Scopes);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<IssuedToken>.Changed(issued);
    }

    public async Task<Outcome<WorkspaceToken>> RevokeAsync(string workspaceId, string tokenId, CancellationToken ct)
    {
        var token = await db.WorkspaceTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tokenId && t.WorkspaceId == workspaceId, ct);
        if (token is null) return Outcome<WorkspaceToken>.NotFound($"No token {tokenId} in this workspace.");
        return await RevokeIfActiveAsync(tokenId, ct)
            ? Outcome<WorkspaceToken>.Changed(token)
            : Outcome<WorkspaceToken>.AlreadyInState(token, $"Token {tokenId} is already revoked.");
    }

    /// <summary>One conditional update, so exactly one of several concurrent callers revokes the token.</summary>
    private async Task<bool> RevokeIfActiveAsync(string tokenId, CancellationToken ct) =>
        await db.WorkspaceTokens.Where(t => t.Id == tokenId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, time.GetUtcNow()), ct) == 1;

    private IssuedToken Add(string workspaceId, string name, IEnumerable<string> scopes)
    {
        var (token, plaintext) = WorkspaceToken.Issue(workspaceId, name.Trim(), scopes, time.GetUtcNow());
        db.WorkspaceTokens.Add(token);
        return new IssuedToken(token, plaintext);
    }
}
