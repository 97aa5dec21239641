using ChatBot.Core.Agents;
using ChatBot.Core.Runs;
using ChatBot.Server.Tests.Infrastructure;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Limits;

/// <summary>The per-workspace cap on runs executing at once: the rest wait queued, then all finish.</summary>
public sealed class WorkspaceConcurrencyTests
{
    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task At_most_the_cap_runs_at_once_and_the_rest_queue(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?> { ["Jobs:MaxConcurrentRunsPerWorkspace"] = "2" });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inside = 0;
        var peak = 0;
        app.Agent.Fallback = async _ =>
        {
            var now = Interlocked.Increment(ref inside);
            InterlockedMax(ref peak, now);
            await gate.Task;
            Interlocked.Decrement(ref inside);
            return new AgentCompleted("Done", "", "out", 1, [], null);
        };
        _ = app.CreateClient();

        for (var i = 0; i < 5; i++) await app.SendAsync(Inputs.Task($"task {i}"));
        await app.WaitUntilAsync(db => db.Runs.CountAsync(r => r.Status == RunStatus.Running).ContinueWith(t => t.Result == 2));
        // Each of the other three runs' jobs has tried for a slot, found the workspace full and waits to try again.
        var store = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await app.WaitUntilAsync(_ => Task.FromResult(store.ScheduledCount() >= 3));
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(2, await db.Runs.CountAsync(r => r.Status == RunStatus.Running));
            Assert.Equal(3, await db.Runs.CountAsync(r => r.Status == RunStatus.Queued));
        }

        gate.SetResult();
        await app.WaitUntilAsync(db => db.Runs.CountAsync(r => r.Status == RunStatus.Succeeded).ContinueWith(t => t.Result == 5));
        Assert.Equal(2, peak);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
    }
}
