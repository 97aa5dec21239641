namespace ChatBot.Core.Commands;

/// <summary><c>/help</c>, and the answer to an unknown command (named in <see cref="UnknownCommand"/>).</summary>
public sealed record HelpCommand(string? UnknownCommand = null) : ChatCommand;
