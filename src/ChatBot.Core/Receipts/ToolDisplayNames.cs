namespace ChatBot.Core.Receipts;

/// <summary>
/// Turns <c>family:verb</c> tool ids into the product names a receipt shows ("slack:history" → "Slack"), one per
/// family, in first-use order.
/// </summary>
public static class ToolDisplayNames
{
    private static readonly Dictionary<string, string> KnownFamilies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slack"] = "Slack",
        ["teams"] = "Teams",
        ["web"] = "Web",
        ["http"] = "HTTP",
        ["email"] = "Email",
        ["github"] = "GitHub",
        ["hubspot"] = "HubSpot",
    };

    public static IReadOnlyList<string> For(IEnumerable<string> toolIds) =>
        toolIds.Select(Family).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Select(Display).ToList();

    private static string Family(string toolId)
    {
        var colon = toolId.IndexOf(':');
        // MCP tools are "mcp:<server>:<tool>"; the server is what people recognise.
        if (colon > 0 && toolId[..colon] == "mcp")
        {
            var rest = toolId[(colon + 1)..];
            var next = rest.IndexOf(':');
            return next > 0 ? rest[..next] : rest;
        }
        return colon > 0 ? toolId[..colon] : toolId;
    }

    private static string Display(string family) =>
        KnownFamilies.TryGetValue(family, out var name) ? name : char.ToUpperInvariant(family[0]) + family[1..];
}
