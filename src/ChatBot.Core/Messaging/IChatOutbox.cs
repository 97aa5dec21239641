using ChatBot.Core.Chat;
using ChatBot.Core.Views;

namespace ChatBot.Core.Messaging;

/// <summary>
/// For adapters that must answer their platform at once: stores a post (or, with <c>replaceMessageId</c>, an
/// update) as an <see cref="OutboundMessage"/> with its delivery job, so the platform call happens in a job, with
/// the outbox's retries, after the HTTP answer has gone.
/// </summary>
public interface IChatOutbox
{
    Task SendAsync(ChatAddress to, ChatView view, CancellationToken ct, string? replaceMessageId = null);
}
