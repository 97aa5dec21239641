using ChatBot.Testing.Databases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Persistence.Tests;

/// <summary>A migrated, empty store of either provider, built exactly as the server builds it.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestSqlite? _sqlite;

    private TestStore(ServiceProvider services, TestSqlite? sqlite)
    {
        _services = services;
        _sqlite = sqlite;
    }

    public static async Task<TestStore> CreateAsync(string provider)
    {
        TestSqlite? sqlite = provider == "sqlite" ? new TestSqlite() : null;
        var connectionString = sqlite?.ConnectionString ?? await TestPostgres.CreateDatabaseAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:ChatBot"] = connectionString,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddChatBotPersistence(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new TestStore(services, sqlite);
    }

    public ChatBotDbContext Open() => _services.GetRequiredService<IDbContextFactory<ChatBotDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _sqlite?.Dispose();
    }
}
