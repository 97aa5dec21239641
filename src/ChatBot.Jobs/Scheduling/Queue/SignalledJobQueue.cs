using System.Data;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Npgsql;

namespace ChatBot.Jobs.Scheduling.Queue;

/// <summary>
/// Hangfire.PostgreSql's job queue with the same table and fetch (<c>FOR UPDATE SKIP LOCKED</c>, invisibility
/// timeout), woken by this node's <see cref="JobQueueDoorbell"/>. The library's long polling opens a LISTEN
/// connection for every fetch and cancels it after each job taken, and wakes every idle worker for each job; both
/// showed as tens of milliseconds between a job's commit and its start (bench: job pickup).
/// </summary>
internal sealed class SignalledJobQueue(PostgreSqlStorage storage, string connectionString, string schema, TimeSpan invisibilityTimeout,
    TimeSpan pollInterval, JobQueueDoorbell doorbell) : IPersistentJobQueue
{
    /// <summary>The channel an enqueue notifies and every node's <see cref="JobQueueListener"/> waits on.</summary>
    public const string NotificationChannel = "chatbot_job_queued";

    private readonly string _fetchSql = $"""
        UPDATE "{schema}"."jobqueue" SET "fetchedat" = NOW()
        WHERE "id" = (
          SELECT "id" FROM "{schema}"."jobqueue"
          WHERE "queue" = ANY (@queues)
            AND ("fetchedat" IS NULL OR "fetchedat" < NOW() - make_interval(secs => @invisibleSeconds))
          ORDER BY "fetchedat" NULLS FIRST, "queue", "jobid"
          FOR UPDATE SKIP LOCKED
          LIMIT 1)
        RETURNING "id", "jobid", "queue", "fetchedat"
        """;

    private readonly string _enqueueSql = $"""
        INSERT INTO "{schema}"."jobqueue" ("jobid", "queue") VALUES (@jobId, @queue);
        SELECT pg_notify('{NotificationChannel}', '')
        """;

    public IFetchedJob Dequeue(string[] queues, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fetched = TryFetch(queues);
            if (fetched is not null)
            {
                // One ring per notification: if more jobs came with it, the next idle worker takes the next one.
                doorbell.Ring();
                return fetched;
            }
            doorbell.Wait(pollInterval, cancellationToken);
        }
    }

    public void Enqueue(IDbConnection connection, string queue, string jobId)
    {
        using var command = (NpgsqlCommand)connection.CreateCommand();
        command.CommandText = _enqueueSql;
        command.Parameters.AddWithValue("jobId", long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("queue", queue);
        command.ExecuteNonQuery();
    }

    private PostgreSqlFetchedJob? TryFetch(string[] queues)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(_fetchSql, connection);
        command.Parameters.AddWithValue("queues", queues);
        command.Parameters.AddWithValue("invisibleSeconds", invisibilityTimeout.TotalSeconds);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new PostgreSqlFetchedJob(storage, reader.GetInt64(0),
            reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(2), reader.GetDateTime(3));
    }
}
