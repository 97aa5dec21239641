using Npgsql;

namespace ChatBot.Bench;

/// <summary>A fresh database per scenario in the bench cluster, and single-value queries against it.</summary>
internal static class BenchPostgres
{
    public static async Task<string> CreateDatabaseAsync(string connectionString, string name)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
        // A run before this one (the A/B mode runs a benchmark once per leg) may have pooled connections to the dropped
        // database of that name; FORCE ended them, and the next query must not pick one up.
        await using (var stale = new NpgsqlConnection(database)) NpgsqlConnection.ClearPool(stale);
        return database;
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A <c>count(*)</c> whose query takes one text parameter, <c>@p</c>.</summary>
    public static async Task<long> CountAsync(string connectionString, string sql, string parameter)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("p", parameter);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }
}
