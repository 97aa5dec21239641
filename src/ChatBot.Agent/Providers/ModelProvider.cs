using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace ChatBot.Agent.Providers;

/// <summary>
/// The configured model behind <see cref="IChatClient"/>, built once. <see cref="Client"/> is null when
/// <c>Agent__Provider</c> is <c>none</c>; runs then fail fast with <see cref="NotConfiguredReason"/>.
/// </summary>
public sealed class ModelProvider : IDisposable
{
    public const string HttpClientName = "model";
    public const string DefaultOpenAIModel = "gpt-4.1-mini";
    public const string DefaultAnthropicModel = "claude-sonnet-4-5";

    public const string NotConfiguredReason =
        "No model provider is configured. Set `Agent__Provider` to `openai` (with `Agent__OpenAI__ApiKey`, and `Agent__OpenAI__Endpoint` for " +
        "Azure OpenAI, Ollama, vLLM or LM Studio) or `anthropic` (with `Agent__Anthropic__ApiKey`), then restart the server.";

    public ModelProvider(IOptions<AgentOptions> options, IHttpClientFactory clients)
    {
        var settings = options.Value;
        switch (settings.Provider.Trim().ToLowerInvariant())
        {
            case "" or "none":
                break;
            case "openai":
                Name = "openai";
                Model = string.IsNullOrWhiteSpace(settings.Model) ? DefaultOpenAIModel : settings.Model;
                Client = CreateOpenAI(settings, Model, clients.CreateClient(HttpClientName));
                break;
            case "anthropic":
                Name = "anthropic";
                Model = string.IsNullOrWhiteSpace(settings.Model) ? DefaultAnthropicModel : settings.Model;
                Client = CreateAnthropic(settings, Model, clients.CreateClient(HttpClientName));
                break;
            default:
                throw new OptionsValidationException(AgentOptions.Section, typeof(AgentOptions),
                    [$"Agent__Provider '{settings.Provider}' is not known; use none, openai or anthropic."]);
        }
    }

    public IChatClient? Client { get; }

    public string? Model { get; }

    /// <summary>The provider's short name ("openai", "anthropic"); null when none is configured.</summary>
    public string? Name { get; }

    /// <summary>What the receipts call the model: <c>provider/model</c> ("anthropic/claude-haiku-4.5").</summary>
    public string? ModelUsed => Name is null ? null : $"{Name}/{Model}";

    public bool IsConfigured => Client is not null;

    private static IChatClient CreateOpenAI(AgentOptions settings, string model, HttpClient http)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(settings.OpenAI.Endpoint),
            Transport = new HttpClientPipelineTransport(http),
            // Retries belong to the run job's retry policy, which knows about attempts and receipts.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = settings.RequestTimeout,
        };
        // Local servers (Ollama, LM Studio) take no key, but the SDK wants one.
        var key = string.IsNullOrEmpty(settings.OpenAI.ApiKey) ? "unused" : settings.OpenAI.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(model).AsIChatClient();
    }

    private static IChatClient CreateAnthropic(AgentOptions settings, string model, HttpClient http)
    {
        var client = string.IsNullOrEmpty(settings.Anthropic.BaseUrl)
            ? new AnthropicClient { ApiKey = settings.Anthropic.ApiKey ?? "", HttpClient = http, MaxRetries = 0, Timeout = settings.RequestTimeout }
            : new AnthropicClient { ApiKey = settings.Anthropic.ApiKey ?? "", HttpClient = http, MaxRetries = 0, Timeout = settings.RequestTimeout, BaseUrl = settings.Anthropic.BaseUrl };
        return client.AsIChatClient(model, defaultMaxOutputTokens: 4096);
    }

    public void Dispose() => Client?.Dispose();
}
