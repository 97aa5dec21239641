namespace ChatBot.Core.Views;

public sealed record HelpEntry(string Usage, string Description);
