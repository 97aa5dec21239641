using ChatBot.Core.Monitors;
using ChatBot.Persistence;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Cluster;

/// <summary>
/// New monitors are due in their rows until a node's due-monitor poller enqueues their checks. With two real server
/// processes polling one PostgreSQL database, the due monitors are split between the nodes (<c>SKIP LOCKED</c>):
/// each is checked once and moved to its grid, and each check is one job in the shared job store.
/// </summary>
public sealed class MonitorDuePollerClusterTests
{
    private const int Monitors = 400;

    [Fact]
    public async Task Two_nodes_enqueue_every_due_monitor_once_and_each_is_checked_once()
    {
        await using var model = await ModelDouble.StartAsync();
        var database = await TestPostgres.CreateDatabaseAsync("outbox");
        var directory = Directory.CreateTempSubdirectory("chatbot-outbox-");
        try
        {
            await using var nodeA = await ServerProcess.StartAsync(ClusterNode.Settings(database, "node-a", model), directory.FullName);
            await using var nodeB = await ServerProcess.StartAsync(ClusterNode.Settings(database, "node-b", model), directory.FullName);

            // Loopback is outside egress here, so each first check fails at once and records one error event.
            var now = DateTimeOffset.UtcNow;
            var options = new DbContextOptionsBuilder<PostgresChatBotDbContext>().UseNpgsql(database).Options;
            await using (var db = new PostgresChatBotDbContext(options))
            {
                db.Monitors.AddRange(Enumerable.Range(0, Monitors).Select(i =>
                    new Monitor("ws_outbox", $"https://127.0.0.1/page-{i}", Cadence.Daily, MonitorKind.Page, null, null, now)));
                await db.SaveChangesAsync();
            }

            await Eventually.HoldsAsync(async () => await TestPostgres.CountAsync(database, "SELECT count(*) FROM monitor_events") >= Monitors, TimeSpan.FromMinutes(5));

            Assert.Equal(0, await TestPostgres.CountAsync(database, "SELECT count(*) FROM monitors WHERE \"NextCheckAt\" <= now()"));
            Assert.Equal(Monitors, await TestPostgres.CountAsync(database, "SELECT count(*) FROM monitor_events"));
            Assert.Equal(Monitors, await TestPostgres.CountAsync(database, "SELECT count(DISTINCT \"MonitorId\") FROM monitor_events"));
            Assert.Equal(Monitors, await TestPostgres.CountAsync(database,
                "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%MonitorCheckJob%'"));
            Assert.False(nodeA.HasExited || nodeB.HasExited);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
