using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Databases;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;

namespace ChatBot.Server.Tests.Cluster;

/// <summary>
/// Two real server processes on one PostgreSQL database, clustered. The node running every run is killed
/// (SIGKILL, mid model call); the survivor recovers the runs, each as its second attempt, and each ends with exactly one receipt.
/// </summary>
public sealed class NodeFailureTests
{
    private const int Runs = 3;

    [Fact]
    public async Task When_the_node_running_the_runs_is_killed_the_other_node_finishes_each_with_exactly_one_receipt()
    {
        await using var model = await ModelDouble.StartAsync();
        // Slow enough that node A is still waiting on the model when it dies.
        model.Delay = TimeSpan.FromMinutes(5);
        var database = await TestPostgres.CreateDatabaseAsync("cluster");
        var directory = Directory.CreateTempSubdirectory("chatbot-cluster-");
        Dictionary<string, string> Settings(string node) => ClusterNode.Settings(database, node, model,
            ("Jobs__ClusterCheckinInterval", "00:00:01"),
            ("Jobs__RecoverySweepInterval", "00:00:02"));
        try
        {
            await using var nodeA = await ServerProcess.StartAsync(Settings("node-a"), directory.FullName);
            using var a = new HttpClient { BaseAddress = nodeA.BaseUrl };
            for (var i = 1; i <= Runs; i++)
                (await a.PostAsJsonAsync("/api/playground/messages", new { text = $"summarize report {i}", channel = "general" })).EnsureSuccessStatusCode();
            // Node A alone has claimed every run and is inside the (slow) model call for each.
            await Eventually.HoldsAsync(async () => Count(await DashboardAsync(a), "running") == Runs && model.Requests.Count >= Runs);

            await using var nodeB = await ServerProcess.StartAsync(Settings("node-b"), directory.FullName);
            using var b = new HttpClient { BaseAddress = nodeB.BaseUrl };
            nodeA.Kill();
            model.Delay = TimeSpan.FromMilliseconds(200);

            await Eventually.HoldsAsync(async () => Count(await DashboardAsync(b), "succeeded") == Runs, TimeSpan.FromSeconds(90));
            var dashboard = await DashboardAsync(b);
            var runIds = dashboard.GetProperty("recent_runs").EnumerateArray().Select(r => r.GetProperty("run_id").GetString()!).ToList();
            Assert.Equal(Runs, runIds.Count);
            await Eventually.HoldsAsync(async () => (await ReceiptsAsync(b)).Count == Runs);
            var receipts = await ReceiptsAsync(b);
            foreach (var runId in runIds)
            {
                Assert.Single(receipts, r => r.Contains(runId, StringComparison.Ordinal));
                var timeline = await b.GetFromJsonAsync<JsonElement>($"/api/timeline/runs/{runId}");
                Assert.Equal("delivered", timeline.GetProperty("receipt_delivery").GetString());
                // Node A's attempt died with it; node B's is the second, and the one that finished.
                Assert.Equal(2, timeline.GetProperty("attempts").GetInt32());
                Assert.Equal("node-b", timeline.GetProperty("node").GetString());
                Assert.Contains(timeline.GetProperty("entries").EnumerateArray(),
                    e => e.GetProperty("kind").GetString() == "retried" && e.GetProperty("detail").GetString() == "attempt 2 on node-b");
            }
            // Each run asked the model on node A (lost with it) and again on node B.
            Assert.True(model.Requests.Count >= 2 * Runs, $"expected the model to be asked again after recovery, saw {model.Requests.Count} calls");
            Assert.Contains(dashboard.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == "node-b" && n.GetProperty("state").GetString() == "active");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<JsonElement> DashboardAsync(HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/dashboard");

    private static long Count(JsonElement dashboard, string state) =>
        dashboard.GetProperty("runs_by_state").TryGetProperty(state, out var n) ? n.GetInt64() : 0;

    /// <summary>The receipt messages posted in the playground channel, as their raw JSON.</summary>
    private static async Task<List<string>> ReceiptsAsync(HttpClient client)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/playground/messages?channel=general");
        return body.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("view").GetProperty("view").GetString() == "receipt")
            .Select(m => m.GetRawText())
            .ToList();
    }

}
