using ChatBot.Core.Chat;

namespace ChatBot.Core.Workspaces;

/// <summary>Where receipts go when a run has no channel of its own, and which second-line segments they show.</summary>
public sealed class ReceiptSettings
{
    public ChatAddress? DefaultChannel { get; set; }
    public bool IncludeTools { get; set; } = true;
    public bool IncludeCredits { get; set; } = true;
    public bool IncludeLink { get; set; } = true;
    public GoneChannel? LastGoneChannel { get; set; }

    /// <summary>Forgets a conversation the bot can no longer post in: cleared as the default if it was that.</summary>
    /// <returns>True when it was the default receipts channel.</returns>
    public bool Forget(ChatPlatform platform, string channelId, string reason, DateTimeOffset now)
    {
        var wasDefault = DefaultChannel is { } channel && channel.Platform == platform && channel.ChannelId == channelId;
        if (wasDefault) DefaultChannel = null;
        LastGoneChannel = new GoneChannel(platform, channelId, reason, wasDefault, now);
        return wasDefault;
    }
}
