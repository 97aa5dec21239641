using ChatBot.Core.Receipts;

namespace ChatBot.Core.Tests.Receipts;

public sealed class ToolDisplayNamesTests
{
    [Fact]
    public void One_name_per_family_in_first_use_order()
    {
        Assert.Equal(["Web", "Slack", "HTTP"], ToolDisplayNames.For(["web:fetch", "slack:history", "web:search", "http:request"]));
    }

    [Fact]
    public void Mcp_tools_show_their_server()
    {
        Assert.Equal(["Linear", "Notion"], ToolDisplayNames.For(["mcp:linear:create_issue", "notion:search"]));
    }
}
