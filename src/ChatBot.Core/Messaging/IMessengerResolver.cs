using ChatBot.Core.Chat;

namespace ChatBot.Core.Messaging;

public interface IMessengerResolver
{
    /// <summary>The platform's messenger, or an exception that says the platform is not configured.</summary>
    IMessenger For(ChatPlatform platform);
}
