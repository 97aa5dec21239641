using ChatBot.Core.Inbound;

namespace ChatBot.Teams.Rendering;

/// <summary>
/// The Action.Execute verbs on our cards and their neutral action ids. Approvals use the short verbs
/// <c>approve</c>/<c>deny</c> with <c>data.approvalId</c>; monitor buttons use the action id itself with <c>data.monitorId</c>.
/// </summary>
public static class CardVerbs
{
    public const string Approve = "approve";
    public const string Deny = "deny";
    public const string Refresh = "refresh";

    public static string? ActionIdOf(string? verb) => verb?.ToLowerInvariant() switch
    {
        Approve or ActionIds.Approve => ActionIds.Approve,
        Deny or ActionIds.Deny => ActionIds.Deny,
        ActionIds.PauseMonitor => ActionIds.PauseMonitor,
        ActionIds.ResumeMonitor => ActionIds.ResumeMonitor,
        ActionIds.CancelMonitor => ActionIds.CancelMonitor,
        _ => null,
    };
}
