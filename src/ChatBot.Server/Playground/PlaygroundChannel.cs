using ChatBot.Core.Chat;
using ChatBot.Core.Workspaces;

namespace ChatBot.Server.Playground;

/// <summary>The playground's one workspace and its default channel.</summary>
public static class PlaygroundChannel
{
    public const string DefaultChannelId = "general";
    public const string BotAuthor = "bot";

    public static ChatAddress Address(string channelId, string? threadId = null) =>
        new(ChatPlatform.Playground, Workspace.PlaygroundId, channelId, threadId);
}
