using ChatBot.Core.Chat;
using ChatBot.Core.Commands;

namespace ChatBot.Slack.Inbound;

/// <summary>A Slack event that is meant for the bot, parsed but not yet handled.</summary>
public sealed record SlackInboundMessage(string DeliveryId, ChatAddress Address, ChatUser User, CommandParseResult Parsed, bool IsDirectMessage);
