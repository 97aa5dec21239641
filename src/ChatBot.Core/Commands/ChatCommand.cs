namespace ChatBot.Core.Commands;

/// <summary>A parsed chat command, the same whichever platform it came from.</summary>
public abstract record ChatCommand;
