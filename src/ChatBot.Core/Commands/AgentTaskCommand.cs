namespace ChatBot.Core.Commands;

/// <summary>Free text addressed to the bot (mention, DM, playground): a task for an agent run.</summary>
public sealed record AgentTaskCommand(string Task) : ChatCommand;
