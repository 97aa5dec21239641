namespace ChatBot.Core.Views;

/// <summary>Every command with a line on what it does; also the answer to an unknown command.</summary>
public sealed record HelpView(IReadOnlyList<HelpEntry> Entries, string? Preamble = null) : ChatView
{
    public override string FallbackText =>
        (Preamble is null ? "" : Preamble + "\n") + string.Join("\n", Entries.Select(e => $"{e.Usage} — {e.Description}"));
}
