using System.Text.Json.Nodes;
using ChatBot.Core.Views;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Inbound;

/// <summary>A slash command's immediate answer, visible to the person who typed it only.</summary>
internal static class SlackEphemeralResponse
{
    public static JsonObject For(ChatView view, SlackBlockRenderer renderer)
    {
        var message = renderer.Render(view);
        return new JsonObject
        {
            ["response_type"] = "ephemeral",
            ["text"] = message.Text,
            ["blocks"] = message.CloneBlocks(),
        };
    }
}
