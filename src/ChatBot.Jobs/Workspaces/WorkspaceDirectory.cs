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
    /// <summary>Per workspace, its one check (or creation): a burst of first requests waits on it instead of each querying.</summary>
    private readonly ConcurrentDictionary<string, Task> _known = new();

    public async Task EnsureExistsAsync(string workspaceId, CancellationToken ct)
    {
        var check = _known.GetOrAdd(workspaceId, static (id, self) => self.CreateIfMissingAsync(id), this);
        if (check.IsCompletedSuccessfully) return;
        try
        {
            await check.WaitAsync(ct);
        }
        catch when (check.IsFaulted)
        {
            // The database was away: the next request tries again.
            _known.TryRemove(new KeyValuePair<string, Task>(workspaceId, check));
            throw;
        }
    }

    private async Task CreateIfMissingAsync(string workspaceId)
    {
        // Shared by every request waiting on it, so no single request's cancellation applies.
        var ct = CancellationToken.None;
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
