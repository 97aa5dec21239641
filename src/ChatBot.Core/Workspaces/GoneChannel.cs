using ChatBot.Core.Chat;

namespace ChatBot.Core.Workspaces;

/// <summary>
/// The last conversation the platform said the bot can no longer post in, kept so the dashboard can tell admins
/// (and whether it was the default receipts channel, which was then cleared).
/// </summary>
public sealed record GoneChannel(ChatPlatform Platform, string ChannelId, string Reason, bool WasDefault, DateTimeOffset At);
