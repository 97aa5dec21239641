using ChatBot.Persistence;
using ChatBot.Testing.Databases;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Jobs.Tests.Infrastructure;

/// <summary>
/// The jobs layer's services on a migrated SQLite file and a fake clock, without a web host or a job server: the
/// jobs the services ask for are recorded by <see cref="RecordingJobClient"/>.
/// </summary>
public sealed class JobsHarness : IAsyncDisposable
{
    private readonly TestSqlite _sqlite;

    private JobsHarness(TestSqlite sqlite, ServiceProvider services, FakeTimeProvider time, RecordingJobClient jobs)
    {
        _sqlite = sqlite;
        Services = services;
        Time = time;
        Jobs = jobs;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public RecordingJobClient Jobs { get; }

    /// <param name="postgres">A PostgreSQL database (<see cref="TestPostgres.CreateDatabaseAsync"/>) to use instead of the SQLite file.</param>
    public static async Task<JobsHarness> CreateAsync(DateTimeOffset now, IDictionary<string, string?>? settings = null, string? postgres = null)
    {
        var sqlite = new TestSqlite();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = postgres is null ? "sqlite" : "postgres",
            ["ConnectionStrings:ChatBot"] = postgres ?? sqlite.ConnectionString,
        }.Concat(settings ?? new Dictionary<string, string?>())).Build();
        var time = new FakeTimeProvider(now);
        var jobs = new RecordingJobClient();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddChatBotPersistence(configuration).AddChatBotJobs(configuration);
        services.Replace(ServiceDescriptor.Singleton<IBackgroundJobClient>(jobs));
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new JobsHarness(sqlite, provider, time, jobs);
    }

    public ChatBotDbContext Open() => Services.GetRequiredService<IDbContextFactory<ChatBotDbContext>>().CreateDbContext();

    /// <summary>A context that loses a race: before its first save, <paramref name="competitor"/> changes the rows in another context and saves.</summary>
    public ChatBotDbContext OpenLosingTo(Func<ChatBotDbContext, Task> competitor) =>
        new SqliteChatBotDbContext(new DbContextOptionsBuilder<SqliteChatBotDbContext>()
            .UseSqlite(_sqlite.ConnectionString)
            .AddInterceptors(new CompetingWriter(Open, competitor))
            .Options);

    /// <summary>A context whose first query is answered, then <paramref name="competitor"/> changes the rows in another context and saves.</summary>
    public ChatBotDbContext OpenOvertakenAfterRead(Action<ChatBotDbContext> competitor) =>
        new SqliteChatBotDbContext(new DbContextOptionsBuilder<SqliteChatBotDbContext>()
            .UseSqlite(_sqlite.ConnectionString)
            .AddInterceptors(new ReadThenCompete(Open, competitor))
            .Options);

    public T Create<T>(params object[] arguments) => ActivatorUtilities.CreateInstance<T>(Services, arguments);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        _sqlite.Dispose();
    }
}
