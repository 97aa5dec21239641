using ChatBot.Core.Chat;
using ChatBot.Core.Views;

namespace ChatBot.Core.Messaging;

/// <summary>
/// The one outbound port to a chat platform. Each platform registers one, keyed by its <see cref="ChatPlatform"/>;
/// jobs resolve it through <see cref="IMessengerResolver"/>. Named so as not to clash with the LLM's IChatClient.
/// </summary>
public interface IMessenger
{
    ChatPlatform Platform { get; }

    /// <summary>Posts a message (in the address's thread when it has one) and returns its platform id.</summary>
    Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, CancellationToken ct);

    /// <summary>Posts carrying the outbox delivery id, where the platform can attach it, so that
    /// <see cref="FindDeliveredAsync"/> can recognise the message after an attempt whose outcome was lost.</summary>
    Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, string? deliveryId, CancellationToken ct) => PostAsync(to, view, ct);

    /// <summary>The message an earlier attempt of this delivery posted at the address (its thread, or the channel's
    /// recent messages), or null when there is none or the platform cannot be asked (then delivery is at-least-once).</summary>
    Task<PostedMessage?> FindDeliveredAsync(ChatAddress to, string deliveryId, CancellationToken ct) => Task.FromResult<PostedMessage?>(null);

    /// <summary>Replaces a message the bot posted earlier.</summary>
    Task UpdateAsync(PostedMessage message, ChatView view, CancellationToken ct);

    /// <summary>Shows a message to one user only, where the platform can; otherwise a direct message.</summary>
    Task PostEphemeralAsync(ChatAddress to, ChatUser user, ChatView view, CancellationToken ct);

    /// <summary>Sends a direct message to a user of the address's workspace.</summary>
    Task SendDirectAsync(ChatAddress workspace, ChatUser user, ChatView view, CancellationToken ct);
}
