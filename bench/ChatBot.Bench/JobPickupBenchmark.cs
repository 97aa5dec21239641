using System.Data.Common;
using System.Diagnostics;
using ChatBot.Core.Agents;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Messaging;
using ChatBot.Persistence;
using ChatBot.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatBot.Bench;

/// <summary>
/// Job pickup: the time from a task entering the inbox (persisted + trigger scheduled) to its job starting,
/// one run at a time so each sample is pure pickup. Baseline: a trivial query round trip on the same database,
/// measured in the same run, so the figure is a ratio that survives a noisy machine.
/// </summary>
internal sealed class JobPickupBenchmark(string provider, string connectionString, int samples)
{
    public async Task<BenchResult> RunAsync()
    {
        var probe = new PickupProbeAgent();
        var builder = WebApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Storage:Provider"] = provider,
            ["ConnectionStrings:ChatBot"] = connectionString,
            ["Jobs:InstanceName"] = $"bench-{provider}",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddChatBot();
        builder.Services.RemoveAll<IAgentRunner>();
        builder.Services.AddSingleton<IAgentRunner>(probe);
        builder.Services.RemoveAll<IMessenger>();
        builder.Services.AddSingleton<IMessenger, SilentMessenger>();
        await using var app = builder.Build();
        app.UseChatBot();
        await app.StartAsync();

        var baseline = await MeasureRoundTripsAsync(app.Services, samples);
        var pickups = new List<double>(samples);
        var address = new ChatAddress(ChatPlatform.Playground, "bench", "bench");
        for (var i = 0; i < samples + 10; i++)
        {
            var before = Stopwatch.GetTimestamp();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var inbox = scope.ServiceProvider.GetRequiredService<IChatInbox>();
                await inbox.HandleCommandAsync(new CommandInvocation($"bench-{Guid.NewGuid():N}", address.InThread($"t{i}"), new ChatUser("bench"),
                    new AgentTaskCommand("ping")), CancellationToken.None);
            }
            var runId = await LatestRunIdAsync(app.Services);
            var started = await probe.StartedAsync(runId).WaitAsync(TimeSpan.FromMinutes(1));
            if (i >= 10) pickups.Add(Stopwatch.GetElapsedTime(before, started).TotalMilliseconds); // first 10 warm up
        }
        await app.StopAsync();
        return new BenchResult($"job pickup ({provider})", pickups, baseline, "query round trip");
    }

    private static async Task<string> LatestRunIdAsync(IServiceProvider services)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<ChatBotDbContext>>().CreateDbContext();
        return await db.Runs.OrderByDescending(r => r.CreatedAt).Select(r => r.Id).FirstAsync();
    }

    private static async Task<List<double>> MeasureRoundTripsAsync(IServiceProvider services, int count)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<ChatBotDbContext>>().CreateDbContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var samples = new List<double>(count);
        for (var i = 0; i < count + 10; i++)
        {
            var before = Stopwatch.GetTimestamp();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync();
            if (i >= 10) samples.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
        }
        return samples;
    }
}
