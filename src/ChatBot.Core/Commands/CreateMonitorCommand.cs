using ChatBot.Core.Monitors;

namespace ChatBot.Core.Commands;

/// <summary><c>/monitor</c> (daily), <c>/hourly</c>, <c>/weekly</c> followed by a URL, feed or topic.</summary>
public sealed record CreateMonitorCommand(Cadence Cadence, string Query) : ChatCommand;
