namespace ChatBot.Core.Workspaces;

/// <summary>
/// Which workspaces are Microsoft Teams tenants (<see cref="Workspace.TeamsTenantId"/>): the Teams adapter records a
/// tenant when a validated activity from it arrives, and acts in Teams only for a workspace recorded so.
/// </summary>
public interface ITeamsTenants
{
    Task RecordAsync(string tenantId, CancellationToken ct);

    Task<bool> IsTenantAsync(string workspaceId, CancellationToken ct);
}
