using System.Collections.Concurrent;
using ChatBot.Core.Runs;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// The per-workspace cap on runs executing at once (<c>Jobs__MaxConcurrentRunsPerWorkspace</c>), counted in the
/// runs table across every node. Claiming a queued run counts the workspace's running runs and starts this one
/// under a lock on the workspace: a PostgreSQL advisory lock (cluster-wide), or on SQLite, whose store belongs to
/// one process, an in-process one. On PostgreSQL the lock, the count and the start are one batch, one round trip,
/// so the lock is held no longer than the database takes to run it: every run's start passes through here.
/// </summary>
public sealed class WorkspaceRunSlots(IOptions<JobsOptions> options)
{
    private const string ClaimSql = """
        UPDATE runs SET "Status" = $1, "StartedAt" = $2, "Attempt" = $3, "Node" = $4, "AttemptStartedAt" = $5, "UpdatedAt" = $6, "Version" = $7
        WHERE "Id" = $8 AND "Version" = $9
          AND (SELECT count(*) FROM runs WHERE "WorkspaceId" = $10 AND "Status" = $1) < $11
        """;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _local = new();

    public async Task<RunClaim> TryClaimAsync(ChatBotDbContext db, Run run, DateTimeOffset now, CancellationToken ct)
    {
        if (db is PostgresChatBotDbContext) return await TryClaimInOneBatchAsync(db, run, now, ct);

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

    /// <summary>
    /// A batch runs in one implicit transaction, so the advisory lock is held until it ends; under read committed the
    /// update's count is taken after the lock was granted, so it sees every claim that committed before this one.
    /// </summary>
    private async Task<RunClaim> TryClaimInOneBatchAsync(ChatBotDbContext db, Run run, DateTimeOffset now, CancellationToken ct)
    {
        var storedVersion = run.Version;
        run.Start(now, options.Value.InstanceName);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtext($1))") { Parameters = { new() { Value = "ws:" + run.WorkspaceId } } });
            batch.BatchCommands.Add(new NpgsqlBatchCommand(ClaimSql)
            {
                Parameters =
                {
                    new() { Value = run.Status.ToString() }, new() { Value = run.StartedAt }, new() { Value = run.Attempt },
                    new() { Value = run.Node }, new() { Value = run.AttemptStartedAt }, new() { Value = run.UpdatedAt },
                    new() { Value = run.Version }, new() { Value = run.Id }, new() { Value = storedVersion },
                    new() { Value = run.WorkspaceId }, new() { Value = (long)options.Value.MaxConcurrentRunsPerWorkspace },
                },
            });
            await batch.ExecuteNonQueryAsync(ct);
            if (batch.BatchCommands[1].RecordsAffected == 1)
            {
                // What was written is what is stored now, the new version included (the next save's concurrency check).
                var entry = db.Entry(run);
                entry.OriginalValues.SetValues(entry.CurrentValues);
                entry.State = EntityState.Unchanged;
                return RunClaim.Claimed;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        // Not started: a full workspace, or another job, a cancel or a decision moved the run first (theirs stands).
        await db.Entry(run).ReloadAsync(ct);
        if (run.Status == RunStatus.Queued && run.Version == storedVersion) return RunClaim.WorkspaceFull;
        db.Entry(run).State = EntityState.Detached;
        return RunClaim.Lost;
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
