using ChatBot.Core.Chat;

namespace ChatBot.Core.Inbound;

/// <summary>A button click (Slack block_actions, Teams Action.Execute / Action.Submit) on one of our messages.</summary>
public sealed record ButtonAction(
    string DeliveryId,
    ChatAddress Address,
    ChatUser User,
    string ActionId,
    string Value,
    string? MessageId);
