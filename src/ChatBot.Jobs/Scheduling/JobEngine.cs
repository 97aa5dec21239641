using ChatBot.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Scheduling;

/// <summary>
/// The job store. PostgreSQL: Hangfire's tables in the app's own database (schema <c>hangfire</c>), long polling so a
/// new job is picked up at once, and enlistment so jobs commit with the rows that start them. SQLite (the embedded
/// default): a durable Hangfire store in a file next to the app's (<c>chatbot.db</c> → <c>chatbot.jobs.db</c>).
/// </summary>
public sealed class JobEngine
{
    public JobEngine(StorageConnection storage, IOptions<JobsOptions> options)
    {
        var jobs = options.Value;
        if (jobs.Clustered == true && !storage.IsPostgres)
            throw new InvalidOperationException("Jobs__Clustered=true needs Storage__Provider=postgres: the SQLite job store belongs to one process.");
        EnlistsInTransactions = storage.IsPostgres;
        Storage = storage.IsPostgres
            ? new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.ConnectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                EnableLongPolling = true,
                EnableTransactionScopeEnlistment = true,
                UseSlidingInvisibilityTimeout = true,
                // A job whose node stopped renewing it this long ago is taken up by another node.
                InvisibilityTimeout = jobs.DeadNodeTimeout,
                QueuePollInterval = jobs.QueuePollInterval,
                DistributedLockTimeout = TimeSpan.FromSeconds(30),
            })
            : new SQLiteStorage(SerializedConnections(JobsFileOf(storage.ConnectionString)), new SQLiteStorageOptions
            {
                QueuePollInterval = jobs.QueuePollInterval,
                // One node: after a crash its fetched jobs come back once the process restarts and this has passed.
                InvisibilityTimeout = jobs.DeadNodeTimeout,
            });
    }

    public JobStorage Storage { get; }

    /// <summary>True when jobs join the caller's transaction (PostgreSQL).</summary>
    public bool EnlistsInTransactions { get; }

    /// <summary>
    /// The store's own factory opens its connections with <c>NoMutex</c>, which is only safe while no connection is ever
    /// used by two threads at once; under load the store broke that and corrupted its file (a kill -9 test found
    /// "database disk image is malformed" after a restart). <c>FullMutex</c> makes SQLite serialize each connection.
    /// </summary>
    private static SQLiteDbConnectionFactory SerializedConnections(string file) =>
        new(() => new SQLite.SQLiteConnection(file,
            SQLite.SQLiteOpenFlags.ReadWrite | SQLite.SQLiteOpenFlags.Create | SQLite.SQLiteOpenFlags.FullMutex,
            storeDateTimeAsTicks: true) { BusyTimeout = TimeSpan.FromSeconds(10) });

    private static string JobsFileOf(string sqliteConnectionString)
    {
        var file = new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(file) + ".jobs.db");
    }
}
