namespace ChatBot.Core.Commands;

/// <summary>A thread reply <c>cancelmonitor</c>; the thread names the monitor.</summary>
public sealed record CancelMonitorCommand : ChatCommand;
