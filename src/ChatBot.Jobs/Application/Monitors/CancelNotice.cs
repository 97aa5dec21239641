using ChatBot.Core.Chat;

namespace ChatBot.Jobs.Application.Monitors;

/// <summary>Who canceled a monitor from chat, and the thread told about it once the cancel is saved.</summary>
public sealed record CancelNotice(ChatUser By, ChatAddress Thread);
