using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace ChatBot.Persistence;

/// <summary>The resolved provider and connection string: one database holds app data and the job store.</summary>
public sealed record StorageConnection(bool IsPostgres, string ConnectionString)
{
    public static StorageConnection From(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (!options.IsPostgres && !options.IsSqlite)
            throw new InvalidOperationException($"Storage__Provider must be 'sqlite' or 'postgres', not '{options.Provider}'.");
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Storage__Provider=postgres needs ConnectionStrings__ChatBot.");
            return new StorageConnection(true, connectionString);
        }
        return new StorageConnection(false, WithSqliteDefaults(connectionString ?? StorageOptions.DefaultSqliteConnectionString));
    }

    /// <summary>App data and the job store share one file from several connections, so waiting on a lock must not fail fast.</summary>
    private static string WithSqliteDefaults(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }
}
