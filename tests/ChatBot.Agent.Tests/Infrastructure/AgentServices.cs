using ChatBot.Core.Agents;
using ChatBot.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Agent.Tests.Infrastructure;

/// <summary>The agent engine as the host wires it, from settings in CONFIG.md form ("Agent:Provider").</summary>
public static class AgentServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddChatBotAgent(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static Dictionary<string, string?> OpenAI(Testing.Models.ModelDouble model) => new()
    {
        ["Agent:Provider"] = "openai",
        ["Agent:Model"] = "double-model",
        ["Agent:OpenAI:Endpoint"] = model.OpenAIEndpoint,
        ["Agent:OpenAI:ApiKey"] = "sk-test",
        ["Egress:AllowPrivateNetworks"] = "true",
    };

    public static AgentRequest Request(string task, string? transcript = null, ApprovalDecision? decision = null) =>
        new("run_test", "ws_test", task, new ChatAddress(ChatPlatform.Playground, "ws_test", "C1", null),
            new ChatUser("U1", "dana"), "UTC", transcript, decision);

    public static async Task<AgentOutcome> RunAsync(this ServiceProvider services, AgentRequest request, RecordingProgress? progress = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IAgentRunner>().RunAsync(request, progress ?? new RecordingProgress(), CancellationToken.None);
    }
}
