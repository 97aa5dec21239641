using ChatBot.Core.Inbound;

namespace ChatBot.Jobs.Inbox;

/// <summary>Handles one kind of command: validate, persist, enqueue, answer. Registered keyed by the command's type.</summary>
public interface ICommandHandler
{
    ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct);
}
