using ChatBot.Jobs.Observability;
using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;

namespace ChatBot.Jobs.Scheduling;

/// <summary>
/// This app's job filters on top of Hangfire's own (retries, job attributes): pickup latency for the metrics and
/// the count of jobs this node is running for its heartbeat. An instance per app rather than Hangfire's global
/// filters, so several hosts in one process (tests, benchmarks) keep their own. Hangfire's culture capture is left
/// out: nothing here depends on the thread's culture, and it cost every job two parameter rows written with it
/// (on the request's path) and two reads before it ran.
/// </summary>
public sealed class JobFilters(ChatBotMetrics metrics) : IJobFilterProvider, IClientFilter, IServerFilter
{
    private const string DueAtParameter = "DueAt";
    private int _running;

    public int Running => Volatile.Read(ref _running);

    public IEnumerable<JobFilter> GetFilters(Job job) =>
        JobFilterProviders.Providers.GetFilters(job)
            .Where(f => f.Instance is not CaptureCultureAttribute)
            .Append(new JobFilter(this, JobFilterScope.Global, null));

    public void OnCreating(CreatingContext context)
    {
        // A delayed job's pickup counts from its due time, not from when it was created.
        if (context.InitialState is ScheduledState scheduled) context.SetJobParameter(DueAtParameter, scheduled.EnqueueAt);
    }

    public void OnCreated(CreatedContext context)
    {
    }

    public void OnPerforming(PerformingContext context)
    {
        Interlocked.Increment(ref _running);
        if (context.GetJobParameter<int>("RetryCount", allowStale: true) > 0) return;
        var due = context.GetJobParameter<DateTime?>(DueAtParameter, allowStale: true) ?? context.BackgroundJob.CreatedAt;
        metrics.RecordPickup(DateTime.UtcNow - due);
    }

    public void OnPerformed(PerformedContext context) => Interlocked.Decrement(ref _running);
}
