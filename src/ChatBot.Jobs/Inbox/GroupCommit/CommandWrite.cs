using ChatBot.Core.Monitors;

namespace ChatBot.Jobs.Inbox.GroupCommit;

/// <summary>The committed result of one command's rows; <see cref="Monitor"/> is the new monitor, or the one already watching.</summary>
public sealed record CommandWrite(CommandWriteKind Kind, Monitor? Monitor = null);
