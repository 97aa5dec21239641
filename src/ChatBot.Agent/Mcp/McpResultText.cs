using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace ChatBot.Agent.Mcp;

/// <summary>
/// An MCP tool result as the model should read it: text content as text, other kinds as a short readable line,
/// structured content as its JSON when there is nothing else. Never the SDK's serialized objects.
/// </summary>
public static class McpResultText
{
    public static string Of(CallToolResult result)
    {
        var parts = result.Content.Select(Describe).ToList();
        if (parts.Count == 0 && result.StructuredContent is { } structured) parts.Add(structured.GetRawText());
        var text = string.Join("\n", parts);
        return result.IsError == true ? $"Error: {text}" : text;
    }

    private static string Describe(ContentBlock block) => block switch
    {
        TextContentBlock text => text.Text,
        ImageContentBlock image => $"[image, {image.MimeType}]",
        AudioContentBlock audio => $"[audio, {audio.MimeType}]",
        EmbeddedResourceBlock { Resource: TextResourceContents resource } => $"[resource {resource.Uri}]\n{resource.Text}",
        EmbeddedResourceBlock { Resource: var resource } => $"[resource {resource.Uri}, {resource.MimeType ?? "binary"}]",
        ResourceLinkBlock link => $"[link {link.Title ?? link.Name}: {link.Uri}]",
        _ => JsonSerializer.Serialize(block, ModelContextProtocol.McpJsonUtilities.DefaultOptions),
    };
}
