using ChatBot.Core.Approvals;
using Humanizer;

namespace ChatBot.Core.Views;

/// <summary>
/// An approval request with the exact action (<see cref="Fields"/>, long values cut, the full text on the run's
/// page at <see cref="DetailsUrl"/>) and, once decided, its outcome as the header in place of the buttons.
/// </summary>
public sealed record ApprovalRequestView(
    string ApprovalId,
    string ActionText,
    string RequestedBy,
    int EstimatedCredits,
    ApprovalStatus Status,
    string? DecidedBy,
    DateTimeOffset ExpiresAt) : ChatView
{
    public const string OpenHeader = "Approval needed";

    /// <summary>What will be done, field by field ("Body", "To", "Arguments").</summary>
    public IReadOnlyList<ActionField> Fields { get; init; } = [];

    /// <summary>Whether a field was cut to fit a chat message; the run's page has it in full.</summary>
    public bool FieldsTruncated { get; init; }

    /// <summary>The run's detail page.</summary>
    public string? DetailsUrl { get; init; }

    public bool IsOpen => Status == ApprovalStatus.Pending;

    /// <summary>"Approval needed" while open, then who decided ("Approved by @x", "Denied by @x") or "Expired".</summary>
    public string HeaderText => Status switch
    {
        ApprovalStatus.Approved => $"Approved by @{DecidedBy}",
        ApprovalStatus.Denied => $"Denied by @{DecidedBy}",
        ApprovalStatus.Expired => "Expired",
        _ => OpenHeader,
    };

    /// <summary>"~1 credit", "~15 credits".</summary>
    public string CreditsText => $"~{"credit".ToQuantity(EstimatedCredits)}";

    public override string FallbackText => IsOpen
        ? $"{OpenHeader}: {ActionText} (requested by @{RequestedBy}, {CreditsText})"
        : $"{HeaderText}: {ActionText}";
}
