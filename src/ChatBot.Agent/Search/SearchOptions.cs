namespace ChatBot.Agent.Search;

/// <summary>Web search for the agent and topic monitors (CONFIG.md section "Search").</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary><c>none</c>, <c>searxng</c> or <c>brave</c>.</summary>
    public string Provider { get; set; } = "none";

    /// <summary>SearXNG: the instance's base URL (required). Brave: defaults to its public API.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }
}
