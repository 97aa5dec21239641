using ChatBot.Core.Messaging;
using ChatBot.Slack.Api;
using ChatBot.Slack.Configuration;
using ChatBot.Slack.Install;
using ChatBot.Slack.Inbound;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.SocketMode;
using ChatBot.Slack.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Slack as a platform: options from the "Slack" section, the Web API client, the Block Kit renderer, and the
    /// messenger and user directory that <c>IMessengerResolver</c> finds by platform. Registered whether or not
    /// Slack is configured, so settings can arrive later; without them inbound requests get 503 and posts fail
    /// with <see cref="PlatformNotConfiguredException"/>, which delivery jobs treat as final. The host provides
    /// the <see cref="ISlackInstallationStore"/> (OAuth installs) and Data Protection (signed install states).
    /// With <c>Slack__AppToken</c> the same handlers also take deliveries over Socket Mode.
    /// </summary>
    public static IServiceCollection AddChatBotSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackWebApiClient.HttpClientName, (sp, client) =>
        {
            var baseUrl = sp.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.ApiBaseUrl;
            if (string.IsNullOrWhiteSpace(baseUrl)) baseUrl = SlackOptions.DefaultApiBaseUrl;
            // Relative method names ("chat.postMessage") only append to a base that ends in '/'.
            client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            client.Timeout = TimeSpan.FromSeconds(15);
        });
        // A response_url is a credential: its log lines show the origin only.
        services.AddHttpClient(SlackWebApiClient.ResponseUrlClientName, client => client.Timeout = TimeSpan.FromSeconds(15))
            .RemoveAllLoggers().AddLogger(sp => new RedactedUrlHttpLogger(
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("System.Net.Http.HttpClient." + SlackWebApiClient.ResponseUrlClientName)));

        services.AddSingleton<SlackBlockRenderer>();
        // Idempotent: a host that configures Data Protection (shared keys) keeps its configuration.
        services.AddDataProtection();
        services.AddSingleton<SlackBotTokens>();
        services.AddSingleton<SlackApiTransport>();
        services.AddSingleton<SlackChannelPacer>();
        services.AddSingleton<SlackChatApi>();
        services.AddSingleton<SlackConversationsApi>();
        services.AddSingleton<SlackUsersApi>();
        services.AddSingleton<SlackOAuthApi>();
        services.AddSingleton<SlackAppsApi>();
        services.AddSingleton<SlackResponseUrls>();
        services.AddSingleton<SlackWebApiClient>();
        services.AddSingleton<SlackOAuthState>();
        services.AddSingleton<SlackSignatureFilter>();
        services.AddSingleton<SlackMessenger>();
        services.AddSingleton<IMessenger>(sp => sp.GetRequiredService<SlackMessenger>());
        services.AddSingleton<IChannelHistory, History.SlackChannelHistory>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<IUserDirectory>(sp => sp.GetRequiredService<SlackUserDirectory>());
        // Scoped like the inbox they call; the HTTP endpoints and the Socket Mode client share them.
        services.AddScoped<SlashCommandHandler>();
        services.AddScoped<EventCallbackHandler>();
        services.AddScoped<InteractionHandler>();
        services.AddSingleton<SlackEnvelopeDispatcher>();
        // Always registered: it idles without Slack__AppToken.
        services.AddHostedService<SlackSocketModeService>();
        // Idles without Slack__BotToken.
        services.AddHostedService<SlackConfiguredTokenTeamLearner>();
        return services;
    }
}
