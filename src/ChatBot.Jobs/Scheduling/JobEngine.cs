using ChatBot.Jobs.Scheduling.Queue;
using ChatBot.Persistence;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Scheduling;

/// <summary>
/// The job store. PostgreSQL: Hangfire's tables in the app's own database (schema <c>hangfire</c>), enlistment so jobs
/// commit with the rows that start them, and the queue woken by a notification (<see cref="SignalledJobQueue"/>) so a
/// new job is picked up at once. SQLite (the embedded
/// default): a durable Hangfire store in a file next to the app's (<c>chatbot.db</c> → <c>chatbot.jobs.db</c>).
/// </summary>
public sealed class JobEngine
{
    private const string Schema = "hangfire";

    public JobEngine(StorageConnection storage, JobQueueDoorbell doorbell, IOptions<JobsOptions> options)
    {
        var jobs = options.Value;
        if (jobs.Clustered == true && !storage.IsPostgres)
            throw new InvalidOperationException("Jobs__Clustered=true needs Storage__Provider=postgres: the SQLite job store belongs to one process.");
        EnlistsInTransactions = storage.IsPostgres;
        Storage = storage.IsPostgres
            ? PostgresStore(storage.ConnectionString, doorbell, jobs)
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

    private static PostgreSqlStorage PostgresStore(string connectionString, JobQueueDoorbell doorbell, JobsOptions jobs)
    {
        var store = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            EnableTransactionScopeEnlistment = true,
            UseSlidingInvisibilityTimeout = true,
            // A job whose node stopped renewing it this long ago is taken up by another node.
            InvisibilityTimeout = jobs.DeadNodeTimeout,
            QueuePollInterval = jobs.QueuePollInterval,
            DistributedLockTimeout = TimeSpan.FromSeconds(30),
        });
        var queue = new SignalledJobQueue(store, connectionString, Schema, jobs.DeadNodeTimeout, jobs.QueuePollInterval, doorbell);
        store.QueueProviders.Add(new SignalledJobQueueProvider(queue, store.QueueProviders.GetProvider(EnqueuedState.DefaultQueue)), [EnqueuedState.DefaultQueue]);
        return store;
    }

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
