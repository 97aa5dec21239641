namespace ChatBot.Core.Agents;

/// <summary>Runs one attempt of the agent loop. Implemented by ChatBot.Agent; driven by the run job.</summary>
public interface IAgentRunner
{
    Task<AgentOutcome> RunAsync(AgentRequest request, IAgentProgress progress, CancellationToken ct);
}
