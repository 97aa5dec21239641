using ChatBot.Core.Chat;

namespace ChatBot.Core.Messaging;

/// <summary>The platform, or the workspace's connection to it, has no credentials to act with: retrying cannot help.</summary>
public sealed class PlatformNotConfiguredException(ChatPlatform platform, string? message = null)
    : InvalidOperationException(message ?? $"{platform} is not connected: set its credentials (see CONFIG.md).")
{
    public ChatPlatform Platform { get; } = platform;
}
