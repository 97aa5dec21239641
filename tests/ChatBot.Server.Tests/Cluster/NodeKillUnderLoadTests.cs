using System.Net.Http.Json;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;

namespace ChatBot.Server.Tests.Cluster;

/// <summary>
/// The long reliability run (<c>./build.sh reliability</c>, not part of the regular suite): two clustered
/// server processes share 1,000 runs; one is killed with SIGKILL while its share is in flight. Every run ends
/// succeeded, with exactly one receipt, delivered.
/// </summary>
[Trait("Category", "Long")]
public sealed class NodeKillUnderLoadTests
{
    private const int Runs = 1000;

    [Fact]
    public async Task Killing_one_of_two_nodes_with_a_thousand_runs_in_flight_leaves_every_run_finished_with_one_receipt()
    {
        await using var model = await ModelDouble.StartAsync();
        model.Delay = TimeSpan.FromMilliseconds(100);
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Done\nOUTCOME: ok\n\nDone.");
        var database = await TestPostgres.CreateDatabaseAsync("killload");
        var directory = Directory.CreateTempSubdirectory("chatbot-killload-");
        Dictionary<string, string> Settings(string node) => ClusterNode.Settings(database, node, model,
            ("Jobs__ClusterCheckinInterval", "00:00:01"),
            ("Jobs__RecoverySweepInterval", "00:00:05"),
            ("Jobs__MaxConcurrentRunsPerWorkspace", "32"));
        try
        {
            await using var nodeA = await ServerProcess.StartAsync(Settings("node-a"), directory.FullName);
            await using var nodeB = await ServerProcess.StartAsync(Settings("node-b"), directory.FullName);
            using var a = new HttpClient { BaseAddress = nodeA.BaseUrl };
            using var b = new HttpClient { BaseAddress = nodeB.BaseUrl };

            var next = 0;
            var senders = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i <= Runs; i = Interlocked.Increment(ref next))
                    (await (i % 2 == 0 ? a : b).PostAsJsonAsync("/api/playground/messages", new { text = $"task {i}", channel = "general" })).EnsureSuccessStatusCode();
            }));
            await Task.WhenAll(senders);

            // Kill node A while work is in flight on it: some runs done, many still queued or running.
            await Eventually.HoldsAsync(async () => await TestPostgres.CountAsync(database, """SELECT count(*) FROM runs WHERE "Status" = 'Succeeded'""") >= 100);
            nodeA.Kill();

            await Eventually.HoldsAsync(async () => await TestPostgres.CountAsync(database, """SELECT count(*) FROM runs WHERE "Status" <> 'Succeeded'""") == 0, TimeSpan.FromMinutes(10));
            await Eventually.HoldsAsync(async () => await TestPostgres.CountAsync(database, """SELECT count(*) FROM receipts WHERE "Status" = 'Delivered'""") == Runs, TimeSpan.FromMinutes(5));
            Assert.Equal(Runs, await TestPostgres.CountAsync(database, "SELECT count(*) FROM runs"));
            Assert.Equal(Runs, await TestPostgres.CountAsync(database, """SELECT count(DISTINCT "RunId") FROM receipts"""));
            Assert.Equal(Runs, await TestPostgres.CountAsync(database, "SELECT count(*) FROM receipts"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
