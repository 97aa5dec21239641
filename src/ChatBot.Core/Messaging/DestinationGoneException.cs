using ChatBot.Core.Chat;

namespace ChatBot.Core.Messaging;

/// <summary>
/// The platform says the bot can no longer post in a conversation (removed from it, archived, deleted, the bot
/// deactivated). Final for that conversation: a retry cannot succeed, so deliveries stop and the conversation is
/// forgotten. Raised by the platform clients; <see cref="ChannelId"/> is the neutral channel id (no thread part).
/// </summary>
public sealed class DestinationGoneException(ChatPlatform platform, string channelId, string reason, Exception? inner = null)
    : Exception($"{platform} conversation {channelId} is gone for the bot: {reason}", inner)
{
    public ChatPlatform Platform { get; } = platform;

    public string ChannelId { get; } = channelId;

    /// <summary>The platform's own code, e.g. BotNotInConversationRoster or channel_not_found.</summary>
    public string Reason { get; } = reason;
}
