using ChatBot.Core.Inbound;

namespace ChatBot.Jobs.Inbox;

/// <summary>Handles one button action. Registered keyed by its action id (see <see cref="ActionIds"/>).</summary>
public interface IActionHandler
{
    ValueTask<CommandResult> HandleAsync(ButtonAction action, CancellationToken ct);
}
