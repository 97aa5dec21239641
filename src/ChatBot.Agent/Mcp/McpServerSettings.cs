namespace ChatBot.Agent.Mcp;

/// <summary>
/// One MCP server whose tools the agent may use (<c>Agent__Mcp__Servers__0__Name</c>, …): started as a process
/// over stdio (<see cref="Command"/>) or reached over HTTP (<see cref="Url"/>).
/// </summary>
public sealed class McpServerSettings
{
    /// <summary>Short name: tools appear to the model as <c>{Name}_{tool}</c> and in receipts as <c>mcp:{Name}:{tool}</c>.</summary>
    public string Name { get; set; } = "";

    public string? Command { get; set; }

    public List<string> Arguments { get; set; } = [];

    public string? Url { get; set; }

    /// <summary>Headers for HTTP servers (an API key, say).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>
    /// Every call needs a person's approval unless this is false: a server's tools may change things, and we
    /// cannot tell which from here.
    /// </summary>
    public bool RequireApproval { get; set; } = true;
}
