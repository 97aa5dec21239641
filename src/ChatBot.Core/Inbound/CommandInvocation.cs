using ChatBot.Core.Chat;
using ChatBot.Core.Commands;

namespace ChatBot.Core.Inbound;

/// <summary>
/// A verified, parsed command from any platform. <see cref="DeliveryId"/> is the platform's delivery id
/// (Slack event_id or trigger id, Teams activity id) used to de-duplicate retries.
/// <see cref="IsDirectMessage"/> marks DMs, where the thread is the conversation itself.
/// </summary>
public sealed record CommandInvocation(
    string DeliveryId,
    ChatAddress Address,
    ChatUser User,
    ChatCommand Command,
    bool IsDirectMessage = false);
