using ChatBot.Core.Views;

namespace ChatBot.Core.Receipts;

/// <summary>
/// The two-line receipt, neutral: <see cref="Title"/> ("✓ Summarized … — 3 themes, …") and the second line's
/// <see cref="Details"/> segments. The bot's name and the post's age above it are the chat client's own message
/// header (Slack and Teams draw it; the playground draws its own), so they are not part of the text.
/// </summary>
public sealed record ReceiptView(ReceiptKind Kind, string RunId, string Title, IReadOnlyList<ReceiptSegment> Details) : ChatView
{
    public const string Separator = " · ";

    public string DetailsLine => string.Join(Separator, Details.Select(d => d.Text));

    public override string FallbackText => Details.Count == 0 ? Title : $"{Title}\n{DetailsLine}";
}
