using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatBot.Jobs.Scheduling.Queue;

/// <summary>
/// This node's one LISTEN on the job queue's channel (PostgreSQL): every enqueue on any node rings the doorbell here.
/// While the connection is down, workers fall back to polling; on reconnecting they are woken once, for anything
/// enqueued meanwhile.
/// </summary>
internal sealed class JobQueueListener(string connectionString, JobQueueDoorbell doorbell, ILogger<JobQueueListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Its own physical connection, kept alive, so a dead link is noticed rather than waited on forever.
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(settings);
                connection.Notification += (_, _) => doorbell.Ring();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {SignalledJobQueue.NotificationChannel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (failing) logger.LogInformation("Listening for queued jobs again");
                failing = false;
                doorbell.Ring();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or IOException or TimeoutException)
            {
                if (!failing) logger.LogWarning("Not listening for queued jobs ({Reason}); workers poll until the database answers again", ex.Message);
                failing = true;
                await Task.Delay(ReconnectDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
