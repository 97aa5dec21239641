namespace ChatBot.Core.Messaging;

/// <summary>One message of a channel's history, oldest first in a list.</summary>
public sealed record HistoryMessage(string Id, string? Author, DateTimeOffset At, string Text, int ReplyCount);
