using ChatBot.Slack.Install;
using ChatBot.Testing.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Slack.Tests.Infrastructure;

/// <summary>The adapter's services alone (no web host) pointed at the Slack double, for client and messenger tests.</summary>
public static class SlackServices
{
    public static ServiceProvider For(SlackApiDouble slack, string? botToken = SlackApiDouble.BotToken, IDictionary<string, string?>? extra = null, InMemorySlackInstallations? installations = null,
        Action<IServiceCollection>? configure = null)
    {
        var settings = new Dictionary<string, string?> { ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl, ["Slack:BotToken"] = botToken };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(ChatBot.Testing.Logging.TestLogFile.AddTo);
        services.AddChatBotSlack(configuration);
        services.AddSingleton<ISlackInstallationStore>(installations ?? new InMemorySlackInstallations());
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
