using ChatBot.Core.Runs;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace ChatBot.Jobs.Runs;

/// <summary>
/// Requests commit the run row before scheduling its trigger; if a node died in between, the run would sit
/// queued forever. This sweep finds queued runs with no trigger and schedules them. A duplicate is harmless:
/// the claim's optimistic concurrency lets only one attempt start.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RunRecoveryJob(ChatBotDbContext db, WorkScheduler scheduler, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromSeconds(30);
        var stale = await db.Runs
            .Where(r => r.Status == RunStatus.Queued && r.UpdatedAt < cutoff)
            .OrderBy(r => r.UpdatedAt)
            .Take(500)
            .ToListAsync(ct);
        foreach (var run in stale)
        {
            if (!await scheduler.IsRunScheduledAsync(run.Id, ct)) await scheduler.ScheduleRunAsync(run, ct);
        }
    }
}
