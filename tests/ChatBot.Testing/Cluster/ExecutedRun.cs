using Npgsql;

namespace ChatBot.Testing.Cluster;

/// <summary>A run as the runs table records its execution: where it ran and when it waited, started and ended.</summary>
public sealed record ExecutedRun(string Id, string? Node, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt)
{
    /// <summary>Every run in a PostgreSQL database, read straight from the table (for tests and benchmarks on server processes).</summary>
    public static async Task<IReadOnlyList<ExecutedRun>> ReadAllAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT "Id", "Node", "Attempt", "CreatedAt", "StartedAt", "CompletedAt" FROM runs ORDER BY "CreatedAt" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<ExecutedRun>();
        while (await reader.ReadAsync())
        {
            runs.Add(new ExecutedRun(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt32(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5)));
        }
        return runs;
    }
}
