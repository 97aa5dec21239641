using System.Collections.Concurrent;
using ChatBot.Core.Agents;

namespace ChatBot.Testing.Fakes;

/// <summary>
/// An agent whose outcomes a test scripts per attempt, for testing the run workflow (claims, retries,
/// approvals, receipts) apart from any model. The real agent loop is tested against a model double.
/// </summary>
public sealed class ScriptedAgentRunner : IAgentRunner
{
    private readonly ConcurrentQueue<Func<AgentRequest, IAgentProgress, Task<AgentOutcome>>> _script = new();

    public ConcurrentQueue<AgentRequest> Requests { get; } = new();

    /// <summary>Used once the script is exhausted.</summary>
    public Func<AgentRequest, Task<AgentOutcome>> Fallback { get; set; } =
        r => Task.FromResult<AgentOutcome>(new AgentCompleted("Answered", "done", "ok", 1, [], "test/model"));

    public ScriptedAgentRunner Then(AgentOutcome outcome) => Then(_ => Task.FromResult(outcome));

    public ScriptedAgentRunner Then(Func<AgentRequest, Task<AgentOutcome>> step) => Then((request, _) => step(request));

    /// <summary>A step that also reports progress, as the real loop does between model calls and tools.</summary>
    public ScriptedAgentRunner Then(Func<AgentRequest, IAgentProgress, Task<AgentOutcome>> step)
    {
        _script.Enqueue(step);
        return this;
    }

    public async Task<AgentOutcome> RunAsync(AgentRequest request, IAgentProgress progress, CancellationToken ct)
    {
        Requests.Enqueue(request);
        return _script.TryDequeue(out var next) ? await next(request, progress) : await Fallback(request);
    }
}
