namespace ChatBot.Core.Commands;

/// <summary><c>/monitors</c>: the channel's monitors with Pause/Cancel buttons.</summary>
public sealed record ListMonitorsCommand : ChatCommand;
