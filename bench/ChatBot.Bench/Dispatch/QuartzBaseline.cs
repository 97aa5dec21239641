using System.Collections.Concurrent;
using System.Diagnostics;
using Quartz;

namespace ChatBot.Bench.Dispatch;

/// <summary>
/// The dispatch baseline: Quartz on its own, in this process, with the store settings our server uses (ADO.NET
/// store on PostgreSQL, System.Text.Json, clustered, schema provisioned) and Quartz's default thread pool and batch
/// size. 1,000 one-off triggers for a no-op job are stored while every scheduler is in standby, then the schedulers
/// start, and the time from the first execution to the last is the dispatch window.
/// </summary>
internal static class QuartzBaseline
{
    /// <summary>For exploring: CHATBOT_BENCH_DISPATCH_QUARTZ_LIMITS=1 gives the baseline our per-workspace cluster-wide limit.</summary>
    private static readonly bool WithOurLimits = Environment.GetEnvironmentVariable("CHATBOT_BENCH_DISPATCH_QUARTZ_LIMITS") == "1";

    /// <summary>For exploring: CHATBOT_BENCH_DISPATCH_QUARTZ_CHAIN=1 has each no-op job store one trigger for a follow-up job, as a run stores its receipt delivery's.</summary>
    internal static readonly bool Chain = Environment.GetEnvironmentVariable("CHATBOT_BENCH_DISPATCH_QUARTZ_CHAIN") == "1";

    public static async Task<DispatchFigure> RunAsync(string database, int nodes, int jobs)
    {
        NoOpJob.Reset();
        var factories = new List<StandaloneSchedulerFactory>();
        try
        {
            var schedulers = new List<IScheduler>();
            for (var n = 0; n < nodes; n++)
            {
                var id = $"quartz-{(char)('a' + n)}";
                var factory = QuartzSchedulerBuilder.Create(q =>
                {
                    q.ConfigureScheduler(s =>
                    {
                        s.InstanceName = "QuartzBaseline";
                        s.InstanceId = id;
                    });
                    q.UsePersistentStore(store =>
                    {
                        store.UseSystemTextJsonSerializer();
                        store.UsePostgres(database);
                        store.UseClustering();
                        store.ProvisionSchema();
                    });
                    if (WithOurLimits)
                        q.UseExecutionLimits(limits => limits.ForGroupsWithPrefix("ws:", DispatchBenchmark.PerWorkspaceLimit, ExecutionLimitScope.Cluster));
                }).Build();
                factories.Add(factory);
                var scheduler = await factory.GetScheduler();
                // The schema is provisioned when a scheduler starts; standby right away, before anything is stored.
                await scheduler.Start();
                await scheduler.Standby();
                schedulers.Add(scheduler);
            }
            var threads = (await schedulers[0].GetMetadata()).ThreadPoolSize;

            var job = JobBuilder.Create<NoOpJob>().WithIdentity("noop", "bench").StoreDurably().Build();
            if (Chain) await schedulers[0].AddJob(JobBuilder.Create<FollowUpJob>().WithIdentity("follow-up", "bench").StoreDurably().Build(), new AddJobOptions { Replace = true });
            var triggers = Enumerable.Range(0, jobs)
                .Select(i => (ITrigger)TriggerBuilder.Create().WithIdentity($"noop-{i}", "bench").ForJob(job).StartNow()
                    .WithExecutionGroup(WithOurLimits ? "ws:playground" : null).Build())
                .ToList();
            await schedulers[0].ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [job] = triggers }, new ScheduleJobOptions { Replace = true });

            var cpuBefore = ProcessCpu.Own();
            var released = Stopwatch.GetTimestamp();
            foreach (var scheduler in schedulers) await scheduler.Start();
            var until = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            while (NoOpJob.Fired.Count < jobs)
            {
                if (DateTime.UtcNow > until) throw new TimeoutException($"Quartz baseline: {NoOpJob.Fired.Count} of {jobs} jobs ran in 5 minutes.");
                await Task.Delay(20);
            }
            var cpu = ProcessCpu.Own() - cpuBefore;
            var wall = Stopwatch.GetElapsedTime(released);
            var fired = NoOpJob.Fired.ToArray();
            var first = fired.Min(f => f.At);
            var last = fired.Max(f => f.At);
            var perNode = fired.GroupBy(f => f.Node).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}").ToList();
            foreach (var scheduler in schedulers) await scheduler.Shutdown(waitForJobsToComplete: true);
            return new DispatchFigure(
                jobs,
                Stopwatch.GetElapsedTime(first, last),
                Stopwatch.GetElapsedTime(released, last),
                null,
                cpu / jobs, cpu / (wall * Environment.ProcessorCount),
                $"{nodes} scheduler{(nodes > 1 ? "s" : "")} × {threads} threads{(WithOurLimits ? ", our cluster-wide execution limit" : "")}{(Chain ? ", each job stores a follow-up trigger" : "")}; ran: {string.Join(", ", perNode)}");
        }
        finally
        {
            foreach (var factory in factories) await factory.DisposeAsync();
        }
    }

    internal sealed class NoOpJob : IJob
    {
        public static ConcurrentQueue<(long At, string Node)> Fired { get; private set; } = new();

        public static void Reset() => Fired = new ConcurrentQueue<(long, string)>();

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Fired.Enqueue((Stopwatch.GetTimestamp(), context.Scheduler.SchedulerInstanceId));
            if (Chain)
                await context.Scheduler.ScheduleJob(TriggerBuilder.Create().WithIdentity($"follow-up-{Guid.NewGuid():N}", "bench")
                    .ForJob("follow-up", "bench").StartNow().Build(), new ScheduleJobOptions(), cancellationToken);
        }
    }

    internal sealed class FollowUpJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
