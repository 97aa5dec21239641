using ChatBot.Core.Messaging;
using ChatBot.Teams.Auth;
using ChatBot.Teams.Connector;
using ChatBot.Teams.History;
using ChatBot.Teams.Inbound;
using ChatBot.Teams.Messaging;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Teams adapter. Always registered: without settings the endpoint answers 503 and the messenger
    /// reports the platform as not configured, so nothing else has to know whether Teams is connected.
    /// </summary>
    public static IServiceCollection AddChatBotTeams(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.Section));
        services.AddHttpClient(HttpClientDocumentRetriever.HttpClientName);
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName);
        services.AddHttpClient(BotConnectorClient.HttpClientName);
        services.AddHttpClient(GraphClient.HttpClientName);
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<BotFrameworkTokenValidator>();
        services.AddSingleton<EntraTokenProvider>();
        services.AddSingleton<BotConnectorClient>();
        services.AddSingleton<TeamsMessenger>();
        services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<TeamsMessenger>());
        services.AddSingleton<IUserDirectory, TeamsUserDirectory>();
        services.AddSingleton<KnownTeams>();
        services.AddSingleton<GraphClient>();
        services.AddSingleton<IChannelHistory, TeamsChannelHistory>();
        services.AddScoped<TeamsActivityHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatBotTeams(this IEndpointRouteBuilder endpoints) => TeamsEndpoints.Map(endpoints);
}
