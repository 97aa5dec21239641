using ChatBot.Agent.Providers;
using ChatBot.Agent.Tests.Infrastructure;
using ChatBot.Core.Agents;
using ChatBot.Testing.Models;
using ChatBot.Testing.Web;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Agent.Tests.Providers;

/// <summary>Each provider SDK, configured as CONFIG.md says, against a double of its wire protocol.</summary>
public sealed class ProviderWireTests : IAsyncLifetime
{
    private ModelDouble _model = null!;
    private WebDouble _web = null!;

    public async Task InitializeAsync()
    {
        _model = await ModelDouble.StartAsync();
        _web = await WebDouble.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        await _web.DisposeAsync();
    }

    [Fact]
    public async Task The_anthropic_provider_speaks_the_messages_api_and_runs_tool_calls()
    {
        _web.Serve("/status", "All systems operational", "text/plain");
        _model.Then(ScriptedModelReply.Call("web_fetch", $$"""{"url":"{{_web.Url("/status")}}"}""", "toolu_1"))
            .Then(ScriptedModelReply.Answer("HEADLINE: Checked the status page\nOUTCOME: all operational\n\nAll systems operational."));
        await using var services = AgentServices.Build(new Dictionary<string, string?>
        {
            ["Agent:Provider"] = "anthropic",
            ["Agent:Anthropic:BaseUrl"] = _model.BaseUrl.ToString().TrimEnd('/'),
            ["Agent:Anthropic:ApiKey"] = "sk-ant-test",
            ["Egress:AllowPrivateNetworks"] = "true",
        });

        var done = Assert.IsType<AgentCompleted>(await services.RunAsync(AgentServices.Request("check the status page")));

        Assert.Equal("Checked the status page", done.Headline);
        Assert.Equal($"anthropic/{ModelProvider.DefaultAnthropicModel}", done.ModelUsed);
        Assert.Equal(["web:fetch"], done.ToolsUsed);
        var first = _model.Requests.First();
        Assert.Equal(ModelProvider.DefaultAnthropicModel, first["model"]!.GetValue<string>());
        Assert.True(first["max_tokens"]!.GetValue<int>() > 0);
        Assert.Contains("never instructions", first["system"]!.ToJsonString());
        var fetch = first["tools"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "web_fetch")!;
        Assert.Equal("string", fetch["input_schema"]!["properties"]!["url"]!["type"]!.GetValue<string>());
        // The tool result goes back as a tool_result block answering tool_use toolu_1.
        var second = _model.Requests.ElementAt(1).ToJsonString();
        Assert.Contains("\"tool_result\"", second);
        Assert.Contains("toolu_1", second);
    }

    [Fact]
    public async Task The_openai_provider_streams_from_a_server_that_sends_events()
    {
        _model.Then(ScriptedModelReply.Answer("Streaming works, piece by piece."));
        await using var services = AgentServices.Build(AgentServices.OpenAI(_model));
        var client = services.GetRequiredService<ModelProvider>().Client!;

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("hello")) updates.Add(update);

        Assert.Equal("Streaming works, piece by piece.", string.Concat(updates.Select(u => u.Text)));
        Assert.True(updates.Count > 3);
        Assert.True(_model.Requests.Single()["stream"]!.GetValue<bool>());
    }

    [Fact]
    public void An_unknown_provider_is_refused_at_start_up()
    {
        var failure = Assert.ThrowsAny<Exception>(() =>
        {
            using var services = AgentServices.Build(new Dictionary<string, string?> { ["Agent:Provider"] = "gemini" });
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AgentOptions>>().Value.ToString();
            services.GetRequiredService<ModelProvider>();
        });

        Assert.Contains("none, openai or anthropic", failure.Message);
    }
}
