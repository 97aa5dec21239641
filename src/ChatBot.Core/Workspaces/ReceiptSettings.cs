using ChatBot.Core.Chat;

namespace ChatBot.Core.Workspaces;

/// <summary>Where receipts go when a run has no channel of its own, and which second-line segments they show.</summary>
public sealed class ReceiptSettings
{
    public ChatAddress? DefaultChannel { get; set; }
    public bool IncludeTools { get; set; } = true;
    public bool IncludeCredits { get; set; } = true;
    public bool IncludeLink { get; set; } = true;
}
