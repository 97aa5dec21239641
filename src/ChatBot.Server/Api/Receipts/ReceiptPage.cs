using System.Text.Json.Serialization;
using ChatBot.Core.Receipts;

namespace ChatBot.Server.Api.Receipts;

/// <summary>One page of the receipt audit log, and the cursor of the next when there is one.</summary>
public sealed record ReceiptPage(
    [property: JsonPropertyName("data")] IEnumerable<RunReceipt?> Data,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);
