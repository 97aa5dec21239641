using ChatBot.Core.Monitors;
using ChatBot.Persistence;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Cluster;

/// <summary>
/// New monitors wait in their rows until a node's trigger outbox schedules them. With two real server processes
/// polling one PostgreSQL database, monitors committed with nobody to nudge (their node died right after the
/// commit) are split between the nodes: each is scheduled once and checked once.
/// </summary>
public sealed class MonitorTriggerOutboxClusterTests
{
    private const int Monitors = 400;

    [Fact]
    public async Task Two_nodes_schedule_every_waiting_monitor_once_and_each_is_checked_once()
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

            await Eventually.HoldsAsync(async () => await TestPostgres.CountAsync(database, "SELECT count(*) FROM monitor_events") >= Monitors, TimeSpan.FromSeconds(90));
            await Task.Delay(TimeSpan.FromSeconds(2));

            Assert.Equal(0, await TestPostgres.CountAsync(database, "SELECT count(*) FROM monitors WHERE NOT \"TriggersStored\""));
            Assert.Equal(Monitors, await TestPostgres.CountAsync(database, "SELECT count(*) FROM monitor_events"));
            Assert.Equal(Monitors, await TestPostgres.CountAsync(database, "SELECT count(DISTINCT \"MonitorId\") FROM monitor_events"));
            Assert.Equal(Monitors, await TestPostgres.CountAsync(database,
                "SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'monitors' AND trigger_name NOT LIKE '%-first'"));
            Assert.False(nodeA.HasExited || nodeB.HasExited);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
