using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Scheduling;

/// <summary>
/// This node's job server. Draining stops it taking jobs (those it runs finish); undraining starts a new one.
/// Every node sharing the store (<c>Jobs__Clustered</c>) runs one; a job belongs to whichever takes it first.
/// </summary>
public sealed class JobServerHost(JobEngine engine, IServiceScopeFactory scopes, JobFilters filters, IOptions<JobsOptions> options, ILogger<JobServerHost> logger)
    : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private BackgroundJobServer? _server;

    public bool IsTakingJobs => _server is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        TakeJobs();
        return Task.CompletedTask;
    }

    public void TakeJobs()
    {
        lock (_gate)
        {
            if (_server is not null) return;
            var jobs = options.Value;
            _server = new BackgroundJobServer(new BackgroundJobServerOptions
            {
                ServerName = jobs.InstanceName,
                WorkerCount = jobs.MaxConcurrency,
                SchedulePollingInterval = jobs.SchedulePollInterval,
                HeartbeatInterval = jobs.ClusterCheckinInterval,
                ServerTimeout = jobs.DeadNodeTimeout,
                ServerCheckInterval = jobs.DeadNodeTimeout,
                // Stopping (drain, shutdown) lets running jobs finish; the host's own shutdown timeout cuts it short.
                StopTimeout = TimeSpan.FromHours(1),
                ShutdownTimeout = TimeSpan.FromSeconds(5),
                Activator = new AspNetCoreJobActivator(scopes),
                FilterProvider = filters,
            }, engine.Storage);
        }
    }

    /// <summary>Stops taking jobs and waits for the running ones (or <paramref name="ct"/>).</summary>
    public async Task StopTakingJobsAsync(CancellationToken ct)
    {
        BackgroundJobServer? server;
        lock (_gate)
        {
            server = _server;
            _server = null;
        }
        if (server is null) return;
        server.SendStop();
        try
        {
            await server.WaitForShutdownAsync(ct);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Stopped waiting for running jobs; they are taken up again by a node once this one is gone");
        }
        finally
        {
            server.Dispose();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => StopTakingJobsAsync(cancellationToken);

    public void Dispose()
    {
        lock (_gate)
        {
            _server?.Dispose();
            _server = null;
        }
    }
}
