using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatBot.Persistence;

/// <summary>Applies the provider's migrations at start-up, so a fresh database (or file) just works.</summary>
public sealed class DatabaseMigrator(IDbContextFactory<ChatBotDbContext> factory, StorageConnection storage, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        if (!storage.IsPostgres)
        {
            // WAL lets the job store read while app data is being written.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
    }
}
