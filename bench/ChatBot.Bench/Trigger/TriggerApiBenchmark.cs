using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;

namespace ChatBot.Bench.Trigger;

/// <summary>
/// Trigger API throughput (issue #9 1e): many API tokens, each kept under its 100 requests/minute limit, posting
/// <c>POST /api/workspace/{id}/trigger</c> concurrently to our server (its own process, on PostgreSQL, instant
/// model double, so the runs it accepts really run alongside). Every 202 must be a stored run. Baseline in the
/// same run, same client, same concurrency: <c>GET /health</c> on the same server.
/// </summary>
internal sealed class TriggerApiBenchmark(string postgres, int tokens, int workspaces, int concurrency, TimeSpan duration)
{
    private const int PerTokenBudget = 90;

    public async Task<TriggerApiResult> RunAsync()
    {
        await using var model = await ModelDouble.StartAsync();
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Done\nOUTCOME: ok\n\nDone.");
        var database = await BenchPostgres.CreateDatabaseAsync(postgres, "bench_trigger");
        var directory = Directory.CreateTempSubdirectory("chatbot-bench-trigger-");
        try
        {
            await using var server = await ServerProcess.StartAsync(ClusterNode.Settings(database, "trigger", model), directory.FullName);
            using var client = new HttpClient { BaseAddress = server.BaseUrl };

            // Tokens spread over workspaces (ops API, loopback without ops credentials).
            var issued = new List<(string Workspace, string Token)>();
            for (var i = 0; i < tokens; i++)
            {
                var workspace = $"ws_bench_{i % workspaces:D3}";
                using var response = await client.PostAsJsonAsync($"/api/ops/workspaces/{workspace}/tokens", new { name = $"bench-{i}", scopes = new[] { "trigger" } });
                response.EnsureSuccessStatusCode();
                issued.Add((workspace, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!));
            }

            await ClosedLoop.RunAsync(client, concurrency, i => new HttpRequestMessage(HttpMethod.Get, "/health"), TimeSpan.FromSeconds(2));
            var health = await ClosedLoop.RunAsync(client, concurrency, i => new HttpRequestMessage(HttpMethod.Get, "/health"), duration);

            var used = new int[tokens];
            var trigger = await ClosedLoop.RunAsync(client, concurrency, i =>
            {
                var index = i % tokens;
                // Stay under every token's per-minute limit: a token that spent its budget is not used again.
                if (Interlocked.Increment(ref used[index]) > PerTokenBudget) return null;
                var (workspace, token) = issued[index];
                var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workspace/{workspace}/trigger")
                {
                    Content = JsonContent.Create(new { task = $"summarize item {i}" }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return request;
            }, duration);

            var stored = await BenchPostgres.ScalarAsync<long>(database, "SELECT count(*) FROM runs");
            if (server.HasExited) throw new InvalidOperationException($"Our server exited during the trigger benchmark:\n{server.Output}");
            var result = new TriggerApiResult(tokens, workspaces, concurrency, duration, trigger, health, stored);
            Console.WriteLine($"[trigger] {trigger.Accepted} accepted at {trigger.PerSecond:F0}/s (p50 {trigger.P50:F1} ms), {trigger.Refused} refused; " +
                              $"/health {health.PerSecond:F0}/s; {stored} runs stored");
            return result;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
