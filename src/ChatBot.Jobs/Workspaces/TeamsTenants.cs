using System.Collections.Concurrent;
using ChatBot.Core.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Workspaces;

/// <summary>
/// <see cref="ITeamsTenants"/> in the database: recording creates the tenant's workspace when it is new. A tenant,
/// once recorded, stays one, so this node remembers the ones it has seen and spares every activity and post a
/// database round trip.
/// </summary>
public sealed class TeamsTenants(IDbContextFactory<ChatBotDbContext> factory, WorkspaceDirectory workspaces) : ITeamsTenants
{
    private readonly ConcurrentDictionary<string, byte> _known = new();

    public async Task RecordAsync(string tenantId, CancellationToken ct)
    {
        if (_known.ContainsKey(tenantId)) return;
        await workspaces.EnsureExistsAsync(tenantId, ct);
        await using var db = factory.CreateDbContext();
        // One statement, so a concurrent settings change (the workspace's version) is neither lost nor conflicting.
        await db.Workspaces.Where(w => w.Id == tenantId && w.TeamsTenantId == null)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.TeamsTenantId, tenantId), ct);
        _known.TryAdd(tenantId, 0);
    }

    public async Task<bool> IsTenantAsync(string workspaceId, CancellationToken ct)
    {
        if (_known.ContainsKey(workspaceId)) return true;
        await using var db = factory.CreateDbContext();
        var recorded = await IsTenantAsync(db, workspaceId, ct);
        if (recorded) _known.TryAdd(workspaceId, 0);
        return recorded;
    }

    public static Task<bool> IsTenantAsync(ChatBotDbContext db, string workspaceId, CancellationToken ct) =>
        db.Workspaces.AnyAsync(w => w.Id == workspaceId && w.TeamsTenantId == workspaceId, ct);
}
