using ChatBot.Core.Views;

namespace ChatBot.Core.Receipts;

/// <summary>
/// The two-line receipt, neutral: <see cref="Header"/> ("ChatBot · 2m ago"), <see cref="Title"/>
/// ("✓ Summarized … — 3 themes, …") and the second line's <see cref="Details"/> segments.
/// </summary>
public sealed record ReceiptView(ReceiptKind Kind, string RunId, string Header, string Title, IReadOnlyList<ReceiptSegment> Details) : ChatView
{
    public const string Separator = " · ";

    public string DetailsLine => string.Join(Separator, Details.Select(d => d.Text));

    public override string FallbackText => Details.Count == 0 ? Title : $"{Title}\n{DetailsLine}";
}
