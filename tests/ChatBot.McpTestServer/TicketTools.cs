using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace ChatBot.McpTestServer;

/// <summary>A helpdesk's ticket lookup, as an MCP tool.</summary>
[McpServerToolType]
public sealed class TicketTools
{
    [McpServerTool(Name = "lookup_ticket"), Description("Looks up a support ticket by id.")]
    public static string LookupTicket([Description("Ticket id, e.g. T-42")] string id) =>
        id == "T-42" ? "T-42: Checkout fails on Safari · priority high · owner dana" : $"No ticket {id}.";

    [McpServerTool(Name = "ticket_screenshot"), Description("Returns the screenshot attached to a ticket, with its caption.")]
    public static CallToolResult TicketScreenshot([Description("Ticket id, e.g. T-42")] string id) => new()
    {
        Content =
        [
            new TextContentBlock { Text = $"Screenshot of {id}: the Safari checkout error" },
            ImageContentBlock.FromBytes(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png"),
            new ResourceLinkBlock { Uri = "https://helpdesk.example/T-42/screenshot.png", Name = "screenshot.png" },
        ],
    };
}
