using ChatBot.Core.Workers;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ChatBot.Jobs.Scheduling;

namespace ChatBot.Jobs.Workers;

/// <summary>
/// Keeps this node's row in <c>worker_nodes</c> fresh and applies its drain flag: a draining node puts its
/// job server down, so it finishes the jobs it runs and takes no new ones; undrained, it takes jobs again.
/// </summary>
public sealed class WorkerHeartbeatService(
    IServiceScopeFactory scopes,
    JobServerHost server,
    JobFilters filters,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<WorkerHeartbeatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        do
        {
            try
            {
                await BeatAsync(first, stoppingToken);
                first = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Worker heartbeat failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task BeatAsync(bool first, CancellationToken ct)
    {
        var running = filters.Running;
        var now = time.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatBotDbContext>();
        var id = options.Value.InstanceName;
        var node = await db.WorkerNodes.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (node is null)
        {
            node = new WorkerNode(id, now);
            db.WorkerNodes.Add(node);
        }
        else if (first)
        {
            node.Restarted(now);
        }
        node.Beat(running, now);
        await db.SaveChangesAsync(ct);

        if (node.Draining && server.IsTakingJobs)
        {
            logger.LogInformation("Node {Node} is draining: no new jobs", id);
            // Not awaited: the jobs it runs may take long, and the heartbeat keeps beating meanwhile.
            _ = server.StopTakingJobsAsync(CancellationToken.None);
        }
        else if (!node.Draining && !server.IsTakingJobs)
        {
            logger.LogInformation("Node {Node} takes jobs again", id);
            server.TakeJobs();
        }
    }
}
