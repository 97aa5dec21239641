using System.Net.Http.Json;
using ChatBot.Testing.Cluster;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;

namespace ChatBot.Server.Tests.Cluster;

/// <summary>
/// Two clustered server processes on one PostgreSQL database, every run sent to node A and more runs than A has
/// workers: node B takes the backlog as soon as it has free workers. Read from the runs' own records (node, start and
/// end of each): both nodes take a share, each run once, and neither node sits running nothing while runs wait for
/// longer than a second, plus twice the slowest pickup this machine showed for a lone run in the warm-up. The margin
/// is the machine's own pace measured in the same test (a loaded 2-core machine took 1.3 s to start a lone run),
/// so the rule stays a liveness one: a node that missed the work sits idle for the whole backlog. How long a node
/// has a free worker while runs wait is a speed figure; the dispatch benchmark reports it.
/// </summary>
public sealed class WorkSpreadTests
{
    private const int WorkersPerNode = 3;
    private const int Runs = 18;
    private static readonly string[] Nodes = ["node-a", "node-b"];

    [Fact]
    public async Task A_backlog_sent_to_one_node_is_taken_by_both_as_soon_as_they_have_free_workers()
    {
        await using var model = await ModelDouble.StartAsync();
        // Long enough that node A's workers are all busy while the rest of the runs wait.
        model.Delay = TimeSpan.FromSeconds(2);
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Done\nOUTCOME: ok\n\nDone.");
        var database = await TestPostgres.CreateDatabaseAsync("spread");
        var directory = Directory.CreateTempSubdirectory("chatbot-spread-");
        Dictionary<string, string> Settings(string node) => ClusterNode.Settings(database, node, model,
            ("Jobs__MaxConcurrency", WorkersPerNode.ToString()),
            // The per-workspace cap is not what this is about (every playground run is one workspace's).
            ("Jobs__MaxConcurrentRunsPerWorkspace", "100"));
        try
        {
            await using var nodeA = await ServerProcess.StartAsync(Settings(Nodes[0]), directory.FullName);
            await using var nodeB = await ServerProcess.StartAsync(Settings(Nodes[1]), directory.FullName);
            using var a = new HttpClient { BaseAddress = nodeA.BaseUrl };
            using var b = new HttpClient { BaseAddress = nodeB.BaseUrl };
            // A first round on each node, so what is measured is dispatch, not a cold process's first run.
            foreach (var client in new[] { a, b })
                for (var i = 1; i <= WorkersPerNode; i++) await SendAsync(client, $"warm-up {i}");
            await Eventually.HoldsAsync(async () => await SucceededAsync(database) == 2 * WorkersPerNode, TimeSpan.FromMinutes(3), "the warm-up runs");
            var warmUpRuns = await ExecutedRun.ReadAllAsync(database);
            var warmUp = warmUpRuns.Select(r => r.Id).ToHashSet();
            var slowestLonePickup = warmUpRuns.Max(r => r.StartedAt!.Value - r.CreatedAt);

            for (var i = 1; i <= Runs; i++) await SendAsync(a, $"task {i}");
            await Eventually.HoldsAsync(async () => await SucceededAsync(database) == warmUp.Count + Runs, TimeSpan.FromMinutes(3), "every run succeeded");

            var runs = (await ExecutedRun.ReadAllAsync(database)).Where(r => !warmUp.Contains(r.Id)).ToList();
            Assert.Equal(Runs, runs.Count);
            var timeline = string.Join("\n", runs.Select(r => $"{r.Id} {r.Node} created {r.CreatedAt:HH:mm:ss.fff} started {r.StartedAt:HH:mm:ss.fff} done {r.CompletedAt:HH:mm:ss.fff}"));
            foreach (var node in Nodes)
                Assert.True(runs.Count(r => r.Node == node) >= WorkersPerNode, $"{node} ran too few of the runs:\n{timeline}");
            Assert.All(runs, r => Assert.Equal(1, r.Attempts));
            var idle = NodeIdleness.LongestIdleWhileWorkWaits(runs, Nodes, workersPerNode: 1);
            var bound = TimeSpan.FromSeconds(1) + 2 * slowestLonePickup;
            foreach (var node in Nodes)
                Assert.True(idle[node] < bound,
                    $"{node} ran nothing for {idle[node].TotalMilliseconds:F0} ms while runs waited (bound {bound.TotalMilliseconds:F0} ms):\n{timeline}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task SendAsync(HttpClient node, string text) =>
        (await node.PostAsJsonAsync("/api/playground/messages", new { text, channel = "general" })).EnsureSuccessStatusCode();

    private static Task<long> SucceededAsync(string database) =>
        TestPostgres.CountAsync(database, """SELECT count(*) FROM runs WHERE "Status" = 'Succeeded'""");
}
