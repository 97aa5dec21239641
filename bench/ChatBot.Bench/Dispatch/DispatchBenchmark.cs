using System.Diagnostics;
using System.Net.Http.Json;
using ChatBot.Testing.Cluster;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;

namespace ChatBot.Bench.Dispatch;

/// <summary>
/// Dispatch throughput (issue #9 1b): 1,000 runs queued at once on PostgreSQL, an instant model double, and the
/// rate at which the cluster starts them, on one server process and on two clustered ones. "At once": every node
/// is drained (its job server stopped, through the worker_nodes flag the ops API sets) while the 1,000
/// playground messages go in, then undrained; the rate is runs started from the first StartedAt to the last.
/// Baseline: Hangfire alone dispatching 1,000 no-op jobs on the same PostgreSQL (<see cref="HangfireBaseline"/>).
/// </summary>
internal sealed class DispatchBenchmark(string postgres, int runs)
{
    /// <summary>High enough that the per-workspace cap (every playground run is one workspace's) never binds.</summary>
    public const int PerWorkspaceLimit = 1000;

    public async Task<DispatchResult> RunAsync()
    {
        var baselineOne = await HangfireBaseline.RunAsync(await BenchPostgres.CreateDatabaseAsync(postgres, "bench_dispatch_hangfire1"), 1, runs);
        Report("Hangfire baseline, 1 job server", baselineOne);
        var oursOne = await OursAsync(await BenchPostgres.CreateDatabaseAsync(postgres, "bench_dispatch_ours1"), 1);
        Report("ours, 1 node", oursOne);
        var baselineTwo = await HangfireBaseline.RunAsync(await BenchPostgres.CreateDatabaseAsync(postgres, "bench_dispatch_hangfire2"), 2, runs);
        Report("Hangfire baseline, 2 job servers", baselineTwo);
        var oursTwo = await OursAsync(await BenchPostgres.CreateDatabaseAsync(postgres, "bench_dispatch_ours2"), 2);
        Report("ours, 2 nodes", oursTwo);
        return new DispatchResult(runs, baselineOne, baselineTwo, oursOne, oursTwo);
    }

    private static void Report(string name, DispatchFigure figure) =>
        Console.WriteLine($"[dispatch] {name}: {figure.Count} in {figure.Window.TotalMilliseconds:F0} ms first→last, " +
                          $"{figure.PerSecond:F0}/s, {figure.CpuPerItem.TotalMilliseconds:F1} ms CPU each, {figure.CpuShare:P0} of the cores ({figure.Notes})");

    private async Task<DispatchFigure> OursAsync(string database, int nodes)
    {
        await using var model = await ModelDouble.StartAsync();
        model.Fallback = ScriptedModelReply.Answer("HEADLINE: Done\nOUTCOME: ok\n\nDone.");
        var directory = Directory.CreateTempSubdirectory("chatbot-bench-dispatch-");
        var servers = new List<ServerProcess>();
        try
        {
            var names = Enumerable.Range(0, nodes).Select(n => $"dispatch-{(char)('a' + n)}").ToList();
            foreach (var name in names)
            {
                var settings = ClusterNode.Settings(database, name, model,
                    ("Jobs__MaxConcurrentRunsPerWorkspace", PerWorkspaceLimit.ToString()),
                    // The drain flag is read on each heartbeat; a short one releases the backlog promptly.
                    ("Jobs__HeartbeatInterval", "00:00:00.200"));
                foreach (var (key, value) in ExtraSettings()) settings[key] = value;
                servers.Add(await ServerProcess.StartAsync(settings, directory.FullName));
            }

            // Drain every node, so the 1,000 runs queue up instead of starting as they arrive.
            await WaitAsync(async () => await BenchPostgres.ScalarAsync<long>(database, "SELECT count(*) FROM worker_nodes") == nodes, "worker rows");
            await BenchPostgres.ExecuteAsync(database, """UPDATE worker_nodes SET "Draining" = true""");
            await WaitAsync(() => Task.FromResult(servers.All(s => s.Output.Contains("is draining: no new jobs"))), "nodes in standby");

            var clients = servers.Select(s => new HttpClient { BaseAddress = s.BaseUrl }).ToList();
            var ingest = Stopwatch.StartNew();
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i <= runs; i = Interlocked.Increment(ref next))
                    (await clients[i % clients.Count].PostAsJsonAsync("/api/playground/messages", new { text = $"task {i}", channel = "general" }))
                        .EnsureSuccessStatusCode();
            })));
            ingest.Stop();
            var queued = await BenchPostgres.ScalarAsync<long>(database, """SELECT count(*) FROM runs WHERE "Status" = 'Queued'""");
            if (queued != runs) throw new InvalidOperationException($"Expected {runs} queued runs before the release, found {queued}.");

            var cpuBefore = ProcessCpu.Servers();
            var released = DateTimeOffset.UtcNow;
            await BenchPostgres.ExecuteAsync(database, """UPDATE worker_nodes SET "Draining" = false""");
            await WaitAsync(async () => await BenchPostgres.ScalarAsync<long>(database,
                """SELECT count(*) FROM runs WHERE "Status" NOT IN ('Queued', 'Running')""") == runs, "every run finished", TimeSpan.FromMinutes(10));
            var cpu = ProcessCpu.Servers() - cpuBefore;
            var wall = DateTimeOffset.UtcNow - released;

            var first = await BenchPostgres.ScalarAsync<DateTime>(database, """SELECT min("StartedAt") FROM runs""");
            var last = await BenchPostgres.ScalarAsync<DateTime>(database, """SELECT max("StartedAt") FROM runs""");
            var lastDone = await BenchPostgres.ScalarAsync<DateTime>(database, """SELECT max("CompletedAt") FROM runs""");
            var succeeded = await BenchPostgres.ScalarAsync<long>(database, """SELECT count(*) FROM runs WHERE "Status" = 'Succeeded'""");
            var spread = await SpreadAsync(database, names, released);
            foreach (var server in servers)
                if (server.HasExited) throw new InvalidOperationException($"A server exited during the dispatch benchmark:\n{server.Output}");
            foreach (var client in clients) client.Dispose();
            return new DispatchFigure(runs, last - first, new DateTimeOffset(last, TimeSpan.Zero) - released,
                new DateTimeOffset(lastDone, TimeSpan.Zero) - released,
                cpu / runs, cpu / (wall * Environment.ProcessorCount),
                $"{nodes} node{(nodes > 1 ? "s" : "")}; {runs} queued in {ingest.Elapsed.TotalSeconds:F1} s while drained; {succeeded} succeeded; {spread}");
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Which node ran how many, and each node's longest stretch executing no run at all while runs waited (from the runs'
    /// own node, start and end): on two nodes both must take the backlog as soon as they can. With an instant model a
    /// run lasts milliseconds, so "a free worker" is nearly always true and says nothing; a node running nothing does.
    /// </summary>
    private static async Task<string> SpreadAsync(string database, IReadOnlyList<string> names, DateTimeOffset released)
    {
        var executed = await ExecutedRun.ReadAllAsync(database);
        var idle = NodeIdleness.LongestIdleWhileWorkWaits(executed, names, workersPerNode: 1, released);
        return string.Join(", ", names.Select(n => $"{n} ran {executed.Count(r => r.Node == n)}, longest running nothing while runs waited {idle[n].TotalMilliseconds:F0} ms"));
    }

    /// <summary>For exploring (the committed results use none): CHATBOT_BENCH_DISPATCH_SETTINGS="Jobs__MaxConcurrency=32;…".</summary>
    private static IEnumerable<(string Key, string Value)> ExtraSettings() =>
        (Environment.GetEnvironmentVariable("CHATBOT_BENCH_DISPATCH_SETTINGS") ?? "")
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(pair => pair.Split('=', 2))
        .Select(kv => (kv[0], kv.Length > 1 ? kv[1] : ""));

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Dispatch benchmark: timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }
}

/// <summary>One dispatch scenario: how many, first start to last start, release to last start, release to last completion.</summary>
/// <param name="CpuPerItem">CPU time the server processes (or, for the baseline, the bench process) used per run or job, release to done.</param>
/// <param name="CpuShare">That CPU time as a share of all the machine's cores over the same wall time.</param>
internal sealed record DispatchFigure(int Count, TimeSpan Window, TimeSpan ReleaseToLastStart, TimeSpan? ReleaseToLastDone,
    TimeSpan CpuPerItem, double CpuShare, string Notes)
{
    /// <summary>Starts per second over the window: the gaps between the first start and the last.</summary>
    public double PerSecond => (Count - 1) / Window.TotalSeconds;
}
