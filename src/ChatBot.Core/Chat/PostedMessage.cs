namespace ChatBot.Core.Chat;

/// <summary>A message the bot posted: where it went and the platform's id for it (Slack ts, Teams activity id).</summary>
public sealed record PostedMessage(ChatAddress Address, string MessageId);
