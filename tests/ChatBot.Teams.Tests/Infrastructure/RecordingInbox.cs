using System.Collections.Concurrent;
using ChatBot.Core.Inbound;

namespace ChatBot.Teams.Tests.Infrastructure;

/// <summary>The inbox as the adapter sees it: records what arrives and answers what the test scripted.</summary>
public sealed class RecordingInbox : IChatInbox
{
    public ConcurrentQueue<CommandInvocation> Commands { get; } = new();
    public ConcurrentQueue<ButtonAction> Actions { get; } = new();
    public CommandResult CommandAnswer { get; set; } = CommandResult.Say("on it");
    public CommandResult ActionAnswer { get; set; } = CommandResult.Nothing;

    public int Calls => Commands.Count + Actions.Count;

    public ValueTask<CommandResult> HandleCommandAsync(CommandInvocation invocation, CancellationToken ct)
    {
        Commands.Enqueue(invocation);
        return ValueTask.FromResult(CommandAnswer);
    }

    public ValueTask<CommandResult> HandleActionAsync(ButtonAction action, CancellationToken ct)
    {
        Actions.Enqueue(action);
        return ValueTask.FromResult(ActionAnswer);
    }
}
