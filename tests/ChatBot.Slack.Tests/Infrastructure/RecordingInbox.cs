using System.Collections.Concurrent;
using ChatBot.Core.Inbound;

namespace ChatBot.Slack.Tests.Infrastructure;

/// <summary>The neutral inbox as the adapter sees it: records what arrived and answers as scripted.</summary>
public sealed class RecordingInbox : IChatInbox
{
    public ConcurrentQueue<CommandInvocation> Commands { get; } = new();

    public ConcurrentQueue<ButtonAction> Actions { get; } = new();

    public Func<CommandInvocation, CommandResult> CommandAnswer { get; set; } = _ => CommandResult.Nothing;

    public Func<ButtonAction, CommandResult> ActionAnswer { get; set; } = _ => CommandResult.Nothing;

    public ValueTask<CommandResult> HandleCommandAsync(CommandInvocation invocation, CancellationToken ct)
    {
        Commands.Enqueue(invocation);
        return ValueTask.FromResult(CommandAnswer(invocation));
    }

    public ValueTask<CommandResult> HandleActionAsync(ButtonAction action, CancellationToken ct)
    {
        Actions.Enqueue(action);
        return ValueTask.FromResult(ActionAnswer(action));
    }
}
