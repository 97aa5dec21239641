using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Approvals;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary>Approve and Deny buttons: the decision is <see cref="ApprovalDecisions"/>'; the clicked card is redrawn with its answer.</summary>
public sealed class ApprovalActionHandler(ApprovalDecisions decisions) : IActionHandler
{
    public async ValueTask<CommandResult> HandleAsync(ButtonAction action, CancellationToken ct)
    {
        var verdict = action.ActionId == ActionIds.Approve ? ApprovalVerdict.Approve : ApprovalVerdict.Deny;
        var outcome = await decisions.DecideAsync(action.Value, action.Address, action.User, verdict, ct);
        return outcome.Kind switch
        {
            // The redrawn card says it all.
            OutcomeKind.Changed => new CommandResult(null, outcome.Subject!.View),
            _ when outcome.Subject is { } card => new CommandResult(new TextView(outcome.Reason!), card.View),
            _ => CommandResult.Say(outcome.Reason!),
        };
    }
}
