using ChatBot.Core.Chat;

namespace ChatBot.Core.Messaging;

public sealed class PlatformNotConfiguredException(ChatPlatform platform)
    : InvalidOperationException($"{platform} is not connected: set its credentials (see CONFIG.md).")
{
    public ChatPlatform Platform { get; } = platform;
}
