using Hangfire.PostgreSql;

namespace ChatBot.Jobs.Scheduling.Queue;

/// <summary>
/// Puts <see cref="SignalledJobQueue"/> behind the store's queues. The store's own provider stays the default for
/// monitoring (the dashboard, the recovery sweep): both read the same table, so it lists every queue once.
/// </summary>
internal sealed class SignalledJobQueueProvider(SignalledJobQueue queue, IPersistentJobQueueProvider storesOwn) : IPersistentJobQueueProvider
{
    private readonly IPersistentJobQueueMonitoringApi _monitoring = new MonitoringListedByStore(storesOwn.GetJobQueueMonitoringApi());

    public IPersistentJobQueue GetJobQueue() => queue;

    public IPersistentJobQueueMonitoringApi GetJobQueueMonitoringApi() => _monitoring;

    /// <summary>The store's own monitoring, except that the queues are listed once, by the store's provider.</summary>
    private sealed class MonitoringListedByStore(IPersistentJobQueueMonitoringApi store) : IPersistentJobQueueMonitoringApi
    {
        public IEnumerable<string> GetQueues() => [];

        public IEnumerable<long> GetEnqueuedJobIds(string queue, int from, int perPage) => store.GetEnqueuedJobIds(queue, from, perPage);

        public IEnumerable<long> GetFetchedJobIds(string queue, int from, int perPage) => store.GetFetchedJobIds(queue, from, perPage);

        public EnqueuedAndFetchedCountDto GetEnqueuedAndFetchedCount(string queue) => store.GetEnqueuedAndFetchedCount(queue);
    }
}
