using System.Collections.Concurrent;
using System.Diagnostics;
using ChatBot.Core.Agents;

namespace ChatBot.Bench;

/// <summary>An instant agent that records when each run's job started, keyed by run id.</summary>
internal sealed class PickupProbeAgent : IAgentRunner
{
    public ConcurrentDictionary<string, long> StartedAt { get; } = new();

    public Task<AgentOutcome> RunAsync(AgentRequest request, IAgentProgress progress, CancellationToken ct)
    {
        StartedAt.TryAdd(request.RunId, Stopwatch.GetTimestamp());
        return Task.FromResult<AgentOutcome>(new AgentCompleted("Probed", "ok", "ok", 0, [], "bench/instant"));
    }
}
