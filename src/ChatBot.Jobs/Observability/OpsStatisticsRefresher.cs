using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Observability;

/// <summary>Refreshes <see cref="OpsStatisticsCache"/> every few seconds.</summary>
public sealed class OpsStatisticsRefresher(
    IServiceScopeFactory scopes, OpsStatisticsCache cache, IOptions<JobsOptions> options, TimeProvider time, ILogger<OpsStatisticsRefresher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StatisticsRefreshInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                cache.Update(await scope.ServiceProvider.GetRequiredService<OpsStatisticsReader>().ReadAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not refresh ops statistics");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
