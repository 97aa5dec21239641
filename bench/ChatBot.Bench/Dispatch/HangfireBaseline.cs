using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;

namespace ChatBot.Bench.Dispatch;

/// <summary>
/// The dispatch baseline: Hangfire on its own, in this process, with the store settings our server uses
/// (Hangfire.PostgreSql, long polling, transaction enlistment, sliding invisibility) and our worker count. 1,000
/// no-op jobs are enqueued before any job server exists, then the servers start, and the time from the first
/// execution to the last is the dispatch window.
/// </summary>
internal static class HangfireBaseline
{
    private const int Workers = 16;

    public static async Task<DispatchFigure> RunAsync(string database, int nodes, int jobs)
    {
        NoOpJob.Reset();
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            EnableLongPolling = true,
            EnableTransactionScopeEnlistment = true,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
        };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database, options), options);
        var client = new BackgroundJobClient(storage);
        for (var i = 0; i < jobs; i++) client.Enqueue<NoOpJob>(j => j.Execute());

        var cpuBefore = ProcessCpu.Own();
        var released = Stopwatch.GetTimestamp();
        var servers = Enumerable.Range(0, nodes)
            .Select(n => new BackgroundJobServer(new BackgroundJobServerOptions { ServerName = $"hangfire-{(char)('a' + n)}", WorkerCount = Workers }, storage))
            .ToList();
        try
        {
            var until = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            while (NoOpJob.Fired.Count < jobs)
            {
                if (DateTime.UtcNow > until) throw new TimeoutException($"Hangfire baseline: {NoOpJob.Fired.Count} of {jobs} jobs ran in 5 minutes.");
                await Task.Delay(20);
            }
            var cpu = ProcessCpu.Own() - cpuBefore;
            var wall = Stopwatch.GetElapsedTime(released);
            var fired = NoOpJob.Fired.ToArray();
            var first = fired.Min(f => f.At);
            var last = fired.Max(f => f.At);
            return new DispatchFigure(
                jobs,
                Stopwatch.GetElapsedTime(first, last),
                Stopwatch.GetElapsedTime(released, last),
                null,
                cpu / jobs, cpu / (wall * Environment.ProcessorCount),
                $"{nodes} job server{(nodes > 1 ? "s" : "")} × {Workers} workers, long polling");
        }
        finally
        {
            foreach (var server in servers) server.Dispose();
        }
    }

    public sealed class NoOpJob
    {
        public static ConcurrentQueue<(long At, int Thread)> Fired { get; private set; } = new();

        public static void Reset() => Fired = new ConcurrentQueue<(long, int)>();

        public void Execute() => Fired.Enqueue((Stopwatch.GetTimestamp(), Environment.CurrentManagedThreadId));
    }
}
