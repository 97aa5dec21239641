using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{ChatBotDbContext}"/> (jobs and handlers create short-lived contexts)
    /// and a scoped <see cref="ChatBotDbContext"/> for the configured provider, plus the start-up migrator.
    /// </summary>
    public static IServiceCollection AddChatBotPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = StorageConnection.From(configuration);
        services.AddSingleton(storage);
        if (storage.IsPostgres)
        {
            services.AddPooledDbContextFactory<PostgresChatBotDbContext>(o => o.UseNpgsql(storage.ConnectionString).ConfigureWarnings(FailuresLoggedByTheCaller));
            services.AddSingleton<IDbContextFactory<ChatBotDbContext>>(sp =>
                new UpcastDbContextFactory<PostgresChatBotDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresChatBotDbContext>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteChatBotDbContext>(o => o.UseSqlite(storage.ConnectionString).ConfigureWarnings(FailuresLoggedByTheCaller));
            services.AddSingleton<IDbContextFactory<ChatBotDbContext>>(sp =>
                new UpcastDbContextFactory<SqliteChatBotDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteChatBotDbContext>>()));
        }
        // Request- and job-scoped unit of work, rented from the pool.
        services.AddScoped<ChatBotDbContext>(sp => sp.GetRequiredService<IDbContextFactory<ChatBotDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        return services;
    }

    /// <summary>
    /// A failed command or save throws to its caller, which either expects it (a duplicate delivery, the losing
    /// side of a race) and says so at debug, or logs the failure itself: EF's own error entries would only repeat
    /// it, with a stack trace, for expected traffic too.
    /// </summary>
    private static void FailuresLoggedByTheCaller(WarningsConfigurationBuilder warnings) =>
        warnings.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug));
}
