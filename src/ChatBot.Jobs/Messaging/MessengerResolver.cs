using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;

namespace ChatBot.Jobs.Messaging;

/// <summary>Finds the registered messenger for a platform; a platform with none is not configured.</summary>
public sealed class MessengerResolver(IEnumerable<IMessenger> messengers) : IMessengerResolver
{
    private readonly Dictionary<ChatPlatform, IMessenger> _byPlatform = messengers.ToDictionary(m => m.Platform);

    public IMessenger For(ChatPlatform platform) =>
        _byPlatform.TryGetValue(platform, out var messenger) ? messenger : throw new PlatformNotConfiguredException(platform);
}
