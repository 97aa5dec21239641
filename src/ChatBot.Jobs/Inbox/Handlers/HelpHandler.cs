using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary><c>/help</c>, and the answer to anything unknown.</summary>
public sealed class HelpHandler : ICommandHandler
{
    public ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var command = (HelpCommand)invocation.Command;
        return ValueTask.FromResult(new CommandResult(HelpCatalog.View(command.UnknownCommand)));
    }
}
