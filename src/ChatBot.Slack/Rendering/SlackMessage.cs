using System.Text.Json.Nodes;

namespace ChatBot.Slack.Rendering;

/// <summary>
/// A rendered message: <see cref="Text"/> is the notification/accessibility fallback Slack requires next to
/// blocks; <see cref="Blocks"/> is the Block Kit layout. Callers clone the blocks into each request body.
/// </summary>
public sealed record SlackMessage(string Text, JsonArray Blocks)
{
    public JsonArray CloneBlocks() => (JsonArray)Blocks.DeepClone();
}
