using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Jobs.Tests.Runs;

/// <summary>The per-workspace cap, counted in the runs table: claims beyond it wait, other workspaces are not held up.</summary>
public sealed class WorkspaceRunSlotsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Claims_beyond_the_cap_find_the_workspace_full_and_a_freed_slot_admits_the_next()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now, new Dictionary<string, string?> { ["Jobs:MaxConcurrentRunsPerWorkspace"] = "2" });
        var slots = jobs.Services.GetRequiredService<WorkspaceRunSlots>();
        var runs = Enumerable.Range(0, 3).Select(i => new Run("ws_a", RunSource.Api, $"task {i}", null, null, Now)).ToList();
        var other = new Run("ws_b", RunSource.Api, "elsewhere", null, null, Now);
        await using (var db = jobs.Open())
        {
            db.Workspaces.AddRange(new Workspace("ws_a", "A", Now), new Workspace("ws_b", "B", Now));
            db.Runs.AddRange([.. runs, other]);
            await db.SaveChangesAsync();
        }

        var claims = new List<RunClaim>();
        foreach (var run in runs) claims.Add(await ClaimAsync(jobs, slots, run.Id));
        Assert.Equal([RunClaim.Claimed, RunClaim.Claimed, RunClaim.WorkspaceFull], claims);
        Assert.Equal(RunClaim.Claimed, await ClaimAsync(jobs, slots, other.Id));

        await using (var db = jobs.Open())
        {
            var first = await db.Runs.SingleAsync(r => r.Id == runs[0].Id);
            first.Succeed("Done", "", "ok", Now);
            await db.SaveChangesAsync();
        }
        Assert.Equal(RunClaim.Claimed, await ClaimAsync(jobs, slots, runs[2].Id));
    }

    [Fact]
    public async Task A_run_someone_else_started_is_lost_not_started_twice()
    {
        await using var jobs = await JobsHarness.CreateAsync(Now);
        var slots = jobs.Services.GetRequiredService<WorkspaceRunSlots>();
        var run = new Run("ws_a", RunSource.Api, "task", null, null, Now);
        await using (var db = jobs.Open())
        {
            db.Workspaces.Add(new Workspace("ws_a", "A", Now));
            db.Runs.Add(run);
            await db.SaveChangesAsync();
        }

        await using var slow = jobs.Open();
        var stale = await slow.Runs.SingleAsync(r => r.Id == run.Id);
        Assert.Equal(RunClaim.Claimed, await ClaimAsync(jobs, slots, run.Id));

        Assert.Equal(RunClaim.Lost, await slots.TryClaimAsync(slow, stale, Now, CancellationToken.None));
        await using var after = jobs.Open();
        Assert.Equal(1, (await after.Runs.SingleAsync(r => r.Id == run.Id)).Attempt);
    }

    private static async Task<RunClaim> ClaimAsync(JobsHarness jobs, WorkspaceRunSlots slots, string runId)
    {
        await using var db = jobs.Open();
        var run = await db.Runs.SingleAsync(r => r.Id == runId);
        return await slots.TryClaimAsync(db, run, Now, CancellationToken.None);
    }
}
