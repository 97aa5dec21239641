using Npgsql;

namespace ChatBot.Testing.Databases;

/// <summary>
/// The throwaway PostgreSQL cluster that <c>./build.sh test</c> starts. Each test class gets its own database.
/// Absent cluster is a failure, never a skip: these tests are what proves the production store works.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "CHATBOT_TEST_POSTGRES";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL is required but {ServerVariable} is not set. Run the suite with ./build.sh test, which starts a throwaway cluster.");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "chatbot")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }
        // Idle connections close after a few seconds: a finished test's pools (the app's and its job store's, with a
        // long-polling connection per worker) must not hold the shared cluster's connections for minutes.
        return new NpgsqlConnectionStringBuilder(ServerConnectionString)
        {
            Database = name, MaxPoolSize = 50, ConnectionIdleLifetime = 3, ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    /// <summary>A <c>count(*)</c> (or any single bigint) straight from the database, for tests on server processes.</summary>
    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
