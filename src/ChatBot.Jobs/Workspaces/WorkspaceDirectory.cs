using System.Collections.Concurrent;
using ChatBot.Core.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Workspaces;

/// <summary>
/// Workspaces appear on first contact (a Slack team, a Teams tenant, the playground) or when an operator creates
/// one. They are never deleted, so one this node has seen needs no database round trip again: this check sits
/// on every inbound request's path.
/// </summary>
public sealed class WorkspaceDirectory(IDbContextFactory<ChatBotDbContext> factory, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, byte> _known = new();

    public async Task EnsureExistsAsync(string workspaceId, CancellationToken ct)
    {
        if (_known.ContainsKey(workspaceId)) return;
        await CreateIfMissingAsync(workspaceId, ct);
        _known.TryAdd(workspaceId, 0);
    }

    private async Task CreateIfMissingAsync(string workspaceId, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        if (await db.Workspaces.AnyAsync(w => w.Id == workspaceId, ct)) return;
        db.Workspaces.Add(new Workspace(workspaceId, workspaceId, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Created concurrently by another request or node is fine; anything else is not.
            await using var fresh = factory.CreateDbContext();
            if (!await fresh.Workspaces.AnyAsync(w => w.Id == workspaceId, ct)) throw;
        }
    }
}
