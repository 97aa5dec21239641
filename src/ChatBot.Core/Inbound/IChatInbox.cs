namespace ChatBot.Core.Inbound;

/// <summary>
/// The one entry point every adapter calls after verifying and parsing: validates, persists, enqueues and
/// answers within the platform's deadline. Duplicate deliveries are answered without doing anything twice.
/// </summary>
public interface IChatInbox
{
    ValueTask<CommandResult> HandleCommandAsync(CommandInvocation invocation, CancellationToken ct);

    ValueTask<CommandResult> HandleActionAsync(ButtonAction action, CancellationToken ct);
}
