using System.Collections.Concurrent;
using ChatBot.Core.Workspaces;

namespace ChatBot.Teams.Tests.Infrastructure;

/// <summary>The host's tenant records in memory; tests start knowing the tenant their activities come from.</summary>
public sealed class RecordingTeamsTenants : ITeamsTenants
{
    public ConcurrentDictionary<string, byte> Recorded { get; } = new();

    public Task RecordAsync(string tenantId, CancellationToken ct)
    {
        Recorded.TryAdd(tenantId, 0);
        return Task.CompletedTask;
    }

    public Task<bool> IsTenantAsync(string workspaceId, CancellationToken ct) => Task.FromResult(Recorded.ContainsKey(workspaceId));
}
