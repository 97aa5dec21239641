namespace ChatBot.Agent;

/// <summary>The model provider and the agent loop's bounds (CONFIG.md section "Agent").</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary><c>none</c>, <c>openai</c> (any OpenAI-compatible server) or <c>anthropic</c>.</summary>
    public string Provider { get; set; } = "none";

    /// <summary>Model id; recorded on each run as <c>model_used</c>. Empty: the provider's default.</summary>
    public string? Model { get; set; }

    public OpenAIProviderOptions OpenAI { get; set; } = new();

    public AnthropicProviderOptions Anthropic { get; set; } = new();

    /// <summary>MCP servers whose tools runs may use.</summary>
    public McpSettings Mcp { get; set; } = new();

    /// <summary>Model calls per run attempt before the run is stopped.</summary>
    public int MaxSteps { get; set; } = 12;

    /// <summary>Credits one run may consume before it is stopped.</summary>
    public int MaxCreditsPerRun { get; set; } = 500;

    /// <summary>Tokens (input + output) per credit.</summary>
    public int TokensPerCredit { get; set; } = 1000;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>False while <see cref="Provider"/> is <c>none</c>: runs fail at once and say how to set one.</summary>
    public bool HasProvider => !string.IsNullOrWhiteSpace(Provider) && !Provider.Trim().Equals("none", StringComparison.OrdinalIgnoreCase);
}

public sealed class OpenAIProviderOptions
{
    public string Endpoint { get; set; } = "https://api.openai.com/v1";

    public string? ApiKey { get; set; }
}

public sealed class AnthropicProviderOptions
{
    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }
}

public sealed class McpSettings
{
    public List<Mcp.McpServerSettings> Servers { get; set; } = [];
}
