namespace ChatBot.Core.Receipts;

/// <summary>One " · "-separated piece of a receipt's second line; a link when <see cref="Url"/> is set.</summary>
public sealed record ReceiptSegment(string Text, string? Url = null);
