using System.Text.RegularExpressions;
using ChatBot.Agent.Tools;
using ChatBot.Core.Agents;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;

namespace ChatBot.Agent.Mcp;

/// <summary>
/// Tools from the configured MCP servers. Each server is connected once, on first use, and its tool list kept;
/// a server that cannot be reached contributes no tools (the run goes on without them) and is tried again later.
/// Results are untrusted: an MCP server is outside content like a web page.
/// </summary>
public sealed partial class McpToolSource(IOptions<AgentOptions> options, IHttpClientFactory clients, ILoggerFactory loggers, TimeProvider time)
    : IToolSource, IAsyncDisposable
{
    public const string HttpClientName = "mcp";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (McpClient Client, IReadOnlyList<AgentTool> Tools)> _connected = [];
    private readonly Dictionary<string, DateTimeOffset> _failedAt = [];
    private readonly ILogger _logger = loggers.CreateLogger<McpToolSource>();

    public async ValueTask<IReadOnlyList<AgentTool>> GetToolsAsync(AgentRequest request, CancellationToken ct)
    {
        var servers = options.Value.Mcp.Servers;
        if (servers.Count == 0) return [];
        var tools = new List<AgentTool>();
        await _gate.WaitAsync(ct);
        try
        {
            foreach (var server in servers)
            {
                if (_connected.TryGetValue(server.Name, out var known)) { tools.AddRange(known.Tools); continue; }
                if (_failedAt.TryGetValue(server.Name, out var failed) && time.GetUtcNow() - failed < RetryAfterFailure) continue;
                try
                {
                    var connected = await ConnectAsync(server, ct);
                    _connected[server.Name] = connected;
                    tools.AddRange(connected.Tools);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    _failedAt[server.Name] = time.GetUtcNow();
                    _logger.LogWarning(ex, "MCP server {Server} is unavailable; its tools are left out", server.Name);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
        return tools;
    }

    private async Task<(McpClient Client, IReadOnlyList<AgentTool> Tools)> ConnectAsync(McpServerSettings server, CancellationToken ct)
    {
        IClientTransport transport = server switch
        {
            { Command: { Length: > 0 } command } => new StdioClientTransport(new StdioClientTransportOptions
            {
                Name = server.Name, Command = command, Arguments = server.Arguments,
            }, loggers),
            { Url: { Length: > 0 } url } => new HttpClientTransport(new HttpClientTransportOptions
            {
                Name = server.Name, Endpoint = new Uri(url), AdditionalHeaders = server.Headers,
            }, clients.CreateClient(HttpClientName), loggers),
            _ => throw new InvalidOperationException($"MCP server '{server.Name}' needs a Command (stdio) or a Url (HTTP)."),
        };
        var client = await McpClient.CreateAsync(transport, loggerFactory: loggers, cancellationToken: ct);
        var listed = await client.ListToolsAsync(cancellationToken: ct);
        var tools = listed.Select(tool =>
        {
            AIFunction named = new McpTextFunction(tool.WithName($"{Safe(server.Name)}_{tool.Name}"));
            AIFunction function = server.RequireApproval ? new ApprovalRequiredAIFunction(named) : named;
            return new AgentTool($"mcp:{server.Name}:{tool.Name}", function, args => $"{server.Name}: {tool.Name} {Summary(args)}".TrimEnd(), Untrusted: true);
        }).ToList();
        _logger.LogInformation("MCP server {Server} offers {Count} tools", server.Name, tools.Count);
        return (client, tools);
    }

    private static string Summary(AIFunctionArguments args) =>
        string.Join(", ", args.Select(a => $"{a.Key}={a.Value}")) is { Length: > 0 } text ? $"({(text.Length > 120 ? text[..119] + "…" : text)})" : "";

    /// <summary>Model-facing tool names allow letters, digits, '_' and '-'.</summary>
    private static string Safe(string name) => UnsafeCharacters().Replace(name, "_");

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex UnsafeCharacters();

    public async ValueTask DisposeAsync()
    {
        foreach (var (client, _) in _connected.Values) await client.DisposeAsync();
    }
}
