using ChatBot.Persistence;

namespace ChatBot.Server.Hosting;

/// <summary>
/// Migrates app data before anything else starts. Registered ahead of the job engine, whose hosted service
/// starts after this one's StartAsync returns, so no job ever sees an old schema.
/// </summary>
public sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
