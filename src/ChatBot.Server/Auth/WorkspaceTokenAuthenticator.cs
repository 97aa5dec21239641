using ChatBot.Core.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Auth;

/// <summary>Resolves a presented workspace token (Bearer or x-api-key) to its holder, or null when it is not valid.</summary>
public sealed class WorkspaceTokenAuthenticator(ChatBotDbContext db)
{
    public async Task<WorkspaceCaller?> AuthenticateAsync(string? presented, CancellationToken ct)
    {
        if (WorkspaceToken.Parse(presented?.Trim()) is not var (id, secret)) return null;
        var token = await db.WorkspaceTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (token is null || !token.IsActive || !token.Matches(secret)) return null;
        return new WorkspaceCaller(token);
    }

    public static string? BearerOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
