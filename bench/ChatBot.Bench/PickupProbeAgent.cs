using System.Collections.Concurrent;
using System.Diagnostics;
using ChatBot.Core.Agents;

namespace ChatBot.Bench;

/// <summary>
/// An instant agent that records when each run's job started, keyed by run id. The benchmark awaits that moment
/// rather than polling for it: a spinning waiter would take one of the machine's two cores from the work it times.
/// </summary>
internal sealed class PickupProbeAgent : IAgentRunner
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _started = new();

    /// <summary>Completes with the <see cref="Stopwatch"/> timestamp at which the run's job called the agent.</summary>
    public Task<long> StartedAsync(string runId) => Started(runId).Task;

    public Task<AgentOutcome> RunAsync(AgentRequest request, IAgentProgress progress, CancellationToken ct)
    {
        Started(request.RunId).TrySetResult(Stopwatch.GetTimestamp());
        return Task.FromResult<AgentOutcome>(new AgentCompleted("Probed", "ok", "ok", 0, [], "bench/instant"));
    }

    private TaskCompletionSource<long> Started(string runId) =>
        _started.GetOrAdd(runId, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
}
