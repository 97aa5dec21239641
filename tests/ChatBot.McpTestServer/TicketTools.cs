using System.ComponentModel;
using ModelContextProtocol.Server;

namespace ChatBot.McpTestServer;

/// <summary>A helpdesk's ticket lookup, as an MCP tool.</summary>
[McpServerToolType]
public sealed class TicketTools
{
    [McpServerTool(Name = "lookup_ticket"), Description("Looks up a support ticket by id.")]
    public static string LookupTicket([Description("Ticket id, e.g. T-42")] string id) =>
        id == "T-42" ? "T-42: Checkout fails on Safari · priority high · owner dana" : $"No ticket {id}.";
}
