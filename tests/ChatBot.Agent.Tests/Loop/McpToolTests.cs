using ChatBot.Agent.Tests.Infrastructure;
using ChatBot.Core.Agents;
using ChatBot.Testing.Models;

namespace ChatBot.Agent.Tests.Loop;

/// <summary>MCP servers from configuration as tool sources: a real stdio MCP server process (ChatBot.McpTestServer).</summary>
public sealed class McpToolTests : IAsyncLifetime
{
    private ModelDouble _model = null!;

    public async Task InitializeAsync() => _model = await ModelDouble.StartAsync();

    public async Task DisposeAsync() => await _model.DisposeAsync();

    /// <summary>The test server's build output, beside this assembly's (same configuration and framework).</summary>
    private static string ServerDll()
    {
        var here = AppContext.BaseDirectory; // …/tests/ChatBot.Agent.Tests/bin/<Configuration>/net10.0/
        var path = Path.GetFullPath(Path.Combine(here.Replace("ChatBot.Agent.Tests", "ChatBot.McpTestServer"), "ChatBot.McpTestServer.dll"));
        Assert.True(File.Exists(path), $"{path} was not built");
        return path;
    }

    private Dictionary<string, string?> Settings(bool requireApproval)
    {
        var settings = AgentServices.OpenAI(_model);
        settings["Agent:Mcp:Servers:0:Name"] = "helpdesk";
        settings["Agent:Mcp:Servers:0:Command"] = "dotnet";
        settings["Agent:Mcp:Servers:0:Arguments:0"] = ServerDll();
        settings["Agent:Mcp:Servers:0:RequireApproval"] = requireApproval.ToString();
        return settings;
    }

    [Fact]
    public async Task A_tool_of_a_configured_mcp_server_is_offered_called_and_recorded_under_the_servers_name()
    {
        _model.Then(ScriptedModelReply.Call("helpdesk_lookup_ticket", """{"id":"T-42"}"""))
            .Then(ScriptedModelReply.Answer("HEADLINE: Looked up T-42\nOUTCOME: high priority, owned by dana\n\nT-42 fails on Safari."));
        await using var services = AgentServices.Build(Settings(requireApproval: false));

        var done = Assert.IsType<AgentCompleted>(await services.RunAsync(AgentServices.Request("what is the state of ticket T-42?")));

        Assert.Equal(["mcp:helpdesk:lookup_ticket"], done.ToolsUsed);
        var offered = _model.Requests.First()["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>());
        Assert.Contains("helpdesk_lookup_ticket", offered);
        // The model reads the text the server returned, inside the untrusted wrapper, not the SDK's content objects.
        var result = _model.Requests.Last()["messages"]!.AsArray().Last()!["content"]!.ToString();
        Assert.Equal("<untrusted-data source=\"mcp:helpdesk:lookup_ticket\">\nT-42: Checkout fails on Safari · priority high · owner dana\n</untrusted-data>", result);
    }

    [Fact]
    public async Task Content_other_than_text_reaches_the_model_as_readable_lines()
    {
        _model.Then(ScriptedModelReply.Call("helpdesk_ticket_screenshot", """{"id":"T-42"}"""))
            .Then(ScriptedModelReply.Answer("HEADLINE: Found the screenshot\nOUTCOME: one image\n\nok"));
        await using var services = AgentServices.Build(Settings(requireApproval: false));

        Assert.IsType<AgentCompleted>(await services.RunAsync(AgentServices.Request("show me the screenshot of T-42")));

        var result = _model.Requests.Last()["messages"]!.AsArray().Last()!["content"]!.ToString();
        Assert.Equal(
            "<untrusted-data source=\"mcp:helpdesk:ticket_screenshot\">\nScreenshot of T-42: the Safari checkout error\n[image, image/png]\n"
            + "[link screenshot.png: https://helpdesk.example/T-42/screenshot.png]\n</untrusted-data>", result);
    }

    [Fact]
    public async Task By_default_an_mcp_tool_call_waits_for_approval()
    {
        _model.Then(ScriptedModelReply.Call("helpdesk_lookup_ticket", """{"id":"T-42"}""", "call_mcp"));
        await using var services = AgentServices.Build(Settings(requireApproval: true));

        var pause = Assert.IsType<AgentNeedsApproval>(await services.RunAsync(AgentServices.Request("look up ticket T-42")));

        Assert.Equal("mcp:helpdesk:lookup_ticket", pause.Call.ToolName);
        Assert.Equal("helpdesk: lookup_ticket (id=T-42)", pause.Call.ActionText);
    }

    [Fact]
    public async Task An_mcp_server_that_cannot_start_leaves_its_tools_out_and_the_run_goes_on()
    {
        _model.Then(ScriptedModelReply.Answer("HEADLINE: Answered\nOUTCOME: without the helpdesk\n\nok"));
        var settings = AgentServices.OpenAI(_model);
        settings["Agent:Mcp:Servers:0:Name"] = "broken";
        settings["Agent:Mcp:Servers:0:Command"] = "/nonexistent/mcp-server";
        await using var services = AgentServices.Build(settings);

        Assert.IsType<AgentCompleted>(await services.RunAsync(AgentServices.Request("hello")));

        var offered = _model.Requests.Single()["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(offered, name => name.StartsWith("broken_", StringComparison.Ordinal));
    }
}
