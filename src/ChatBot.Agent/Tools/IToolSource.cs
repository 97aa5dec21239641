using ChatBot.Core.Agents;

namespace ChatBot.Agent.Tools;

/// <summary>A family of tools (web, HTTP, email, channel history, an MCP server) offered to a run.</summary>
public interface IToolSource
{
    ValueTask<IReadOnlyList<AgentTool>> GetToolsAsync(AgentRequest request, CancellationToken ct);
}
