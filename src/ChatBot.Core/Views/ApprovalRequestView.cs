using ChatBot.Core.Approvals;

namespace ChatBot.Core.Views;

/// <summary>An approval request and, once decided, its outcome (rendered in place of the buttons).</summary>
public sealed record ApprovalRequestView(
    string ApprovalId,
    string ActionText,
    string RequestedBy,
    int EstimatedCredits,
    ApprovalStatus Status,
    string? DecidedBy,
    DateTimeOffset ExpiresAt) : ChatView
{
    public bool IsOpen => Status == ApprovalStatus.Pending;

    /// <summary>The outcome line shown once the request is closed.</summary>
    public string? OutcomeText => Status switch
    {
        ApprovalStatus.Approved => $"Approved by @{DecidedBy}",
        ApprovalStatus.Denied => $"Denied by @{DecidedBy}",
        ApprovalStatus.Expired => "Expired: no decision was made in time",
        _ => null,
    };

    public override string FallbackText => IsOpen
        ? $"Approval needed: {ActionText} (requested by @{RequestedBy}, ~{EstimatedCredits} credits)"
        : $"{ActionText}: {OutcomeText}";
}
