using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace ChatBot.Agent.Mcp;

/// <summary>An MCP tool whose result reaches the model as text (<see cref="McpResultText"/>).</summary>
public sealed class McpTextFunction(McpClientTool tool) : DelegatingAIFunction(tool)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var result = await tool.CallAsync(arguments, cancellationToken: cancellationToken);
        return McpResultText.Of(result);
    }
}
