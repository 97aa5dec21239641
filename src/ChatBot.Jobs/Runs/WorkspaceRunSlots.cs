using System.Collections.Concurrent;
using ChatBot.Core.Runs;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// The per-workspace cap on runs executing at once (<c>Jobs__MaxConcurrentRunsPerWorkspace</c>), counted in the
/// runs table across every node. Claiming a queued run counts the workspace's running runs and starts this one
/// under a lock on the workspace: a PostgreSQL advisory lock (cluster-wide), or on SQLite, whose store belongs to
/// one process, an in-process one.
/// </summary>
public sealed class WorkspaceRunSlots(IOptions<JobsOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new();

    public async Task<RunClaim> TryClaimAsync(ChatBotDbContext db, Run run, DateTimeOffset now, CancellationToken ct)
    {
        if (db is PostgresChatBotDbContext)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"ws:" + run.WorkspaceId}))", ct);
            var claim = await TryStartAsync(db, run, now, ct);
            if (claim == RunClaim.Claimed) await transaction.CommitAsync(ct);
            return claim;
        }

        var gate = _local.GetOrAdd(run.WorkspaceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await TryStartAsync(db, run, now, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RunClaim> TryStartAsync(ChatBotDbContext db, Run run, DateTimeOffset now, CancellationToken ct)
    {
        var running = await db.Runs.CountAsync(r => r.WorkspaceId == run.WorkspaceId && r.Status == RunStatus.Running, ct);
        if (running >= options.Value.MaxConcurrentRunsPerWorkspace) return RunClaim.WorkspaceFull;
        run.Start(now, options.Value.InstanceName);
        try
        {
            await db.SaveChangesAsync(ct);
            return RunClaim.Claimed;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another job, a cancel or a decision moved the run first: theirs stands.
            db.Entry(run).State = EntityState.Detached;
            return RunClaim.Lost;
        }
    }
}
