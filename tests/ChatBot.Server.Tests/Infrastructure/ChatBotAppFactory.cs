using ChatBot.Testing.Logging;
using ChatBot.Core.Agents;
using ChatBot.Core.Messaging;
using ChatBot.Core.Monitors;
using ChatBot.Persistence;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Server.Tests.Infrastructure;

/// <summary>
/// The real host on a real database (a fresh SQLite file or a fresh PostgreSQL database), with the chat
/// platform and the agent replaced by in-process fakes so a test can drive the neutral pipeline end to end.
/// </summary>
public sealed class ChatBotAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly TestSqlite? _sqlite;
    private readonly bool _replaceAgent;

    /// <summary>Extra test-only service changes (e.g. trusting a local HTTPS double's certificate).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    private ChatBotAppFactory(Dictionary<string, string?> settings, TestSqlite? sqlite, bool replaceAgent)
    {
        _settings = settings;
        _sqlite = sqlite;
        _replaceAgent = replaceAgent;
    }

    public const string OpsUsername = "ops";
    public const string OpsPassword = "test-ops-password";

    public RecordingMessenger Messenger { get; } = new();

    public ScriptedAgentRunner Agent { get; } = new();

    public ScriptedMonitorChecker Checker { get; } = new();

    public static async Task<ChatBotAppFactory> CreateAsync(StorageKind storage, IDictionary<string, string?>? settings = null, bool replaceAgent = true, string instanceName = "test-node-1")
    {
        var values = new Dictionary<string, string?>
        {
            ["Jobs:InstanceName"] = instanceName,
            ["Jobs:RunRetryDelay"] = "00:00:00.200",
            ["Jobs:RecoverySweepInterval"] = "00:00:02",
            // Each idle worker holds a connection while it long-polls the PostgreSQL job store; dozens of hosts run
            // side by side in the suite, so each gets a few workers rather than a node's 16.
            ["Jobs:MaxConcurrency"] = "4",
            ["Ops:Username"] = OpsUsername,
            ["Ops:Password"] = OpsPassword,
        };
        TestSqlite? sqlite = null;
        if (storage == StorageKind.Postgres)
        {
            values["Storage:Provider"] = "postgres";
            values["ConnectionStrings:ChatBot"] = await TestPostgres.CreateDatabaseAsync();
        }
        else
        {
            sqlite = new TestSqlite();
            values["Storage:Provider"] = "sqlite";
            values["ConnectionStrings:ChatBot"] = sqlite.ConnectionString;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return new ChatBotAppFactory(values, sqlite, replaceAgent);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(TestLogFile.AddTo);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IMessenger>();
            services.AddSingleton<IMessenger>(Messenger);
            if (_replaceAgent)
            {
                services.RemoveAll<IAgentRunner>();
                services.AddSingleton<IAgentRunner>(Agent);
                services.RemoveAll<IMonitorChecker>();
                services.AddSingleton<IMonitorChecker>(Checker);
            }
            ConfigureServices?.Invoke(services);
        });
    }

    public ChatBotDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<ChatBotDbContext>>().CreateDbContext();

    /// <summary>Polls the database until the condition holds; the deadline only bounds a hung test.</summary>
    public async Task<T> WaitForAsync<T>(Func<ChatBotDbContext, Task<T?>> probe, TimeSpan? deadline = null) where T : class
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            await using (var db = CreateDbContext())
            {
                if (await probe(db) is { } found) return found;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException("The awaited state was never reached.");
            await Task.Delay(50);
        }
    }

    public Task WaitUntilAsync(Func<ChatBotDbContext, Task<bool>> condition, TimeSpan? deadline = null) =>
        WaitForAsync<object>(async db => await condition(db) ? true : null, deadline);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _sqlite?.Dispose();
    }
}
