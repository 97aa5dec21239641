using ChatBot.Agent.Egress;
using ChatBot.Agent.Email;
using ChatBot.Agent.Loop;
using ChatBot.Agent.Monitors;
using ChatBot.Agent.Providers;
using ChatBot.Agent.Search;
using ChatBot.Agent.Tools;
using ChatBot.Core.Agents;
using ChatBot.Core.Monitors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Agent;

public static class AgentServiceCollectionExtensions
{
    private static readonly string[] Providers = ["none", "openai", "anthropic"];
    private static readonly string[] SearchProviders = ["none", "searxng", "brave"];

    /// <summary>The model provider, the agent loop and its tools, and the monitor engine.</summary>
    public static IServiceCollection AddChatBotAgent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.Section))
            .Validate(o => Providers.Contains(o.Provider.Trim().ToLowerInvariant()), "Agent__Provider must be none, openai or anthropic")
            .ValidateOnStart();
        services.AddOptions<EgressOptions>().Bind(configuration.GetSection(EgressOptions.Section));
        services.AddOptions<SearchOptions>().Bind(configuration.GetSection(SearchOptions.Section))
            .Validate(o => SearchProviders.Contains(o.Provider.Trim().ToLowerInvariant()), "Search__Provider must be none, searxng or brave")
            .Validate(o => !o.Provider.Equals("searxng", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(o.Endpoint), "Search__Provider=searxng needs Search__Endpoint")
            .ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));

        // Timeouts are set per request (SafeFetcher, the provider SDKs), not on the clients.
        services.AddSingleton<GuardedConnector>();
        services.AddSingleton<EgressPolicy>();
        services.AddHttpClient(SafeFetcher.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<GuardedConnector>().CreateHandler());
        services.AddHttpClient(ModelProvider.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHttpClient(SearchHttp.ClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<SafeFetcher>();
        services.AddSingleton<ModelProvider>();

        switch (configuration.GetSection(SearchOptions.Section)["Provider"]?.Trim().ToLowerInvariant())
        {
            case "searxng": services.AddSingleton<ISearchProvider, SearxngSearch>(); break;
            case "brave": services.AddSingleton<ISearchProvider, BraveSearch>(); break;
        }

        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<IToolSource, WebTools>();
        services.AddSingleton<IToolSource, HttpTools>();
        services.AddSingleton<IToolSource, EmailTools>();
        services.AddSingleton<IToolSource, HistoryTools>();
        services.AddHttpClient(Mcp.McpToolSource.HttpClientName);
        services.AddSingleton<IToolSource, Mcp.McpToolSource>();
        services.AddScoped<IAgentRunner, AgentLoop>();

        services.AddSingleton<ModelJudge>();
        services.AddSingleton<SchemaResults>();
        services.AddSingleton<PageMonitor>();
        services.AddSingleton<FeedMonitor>();
        services.AddSingleton<TopicMonitor>();
        services.AddSingleton<IMonitorChecker, MonitorChecker>();
        return services;
    }
}
