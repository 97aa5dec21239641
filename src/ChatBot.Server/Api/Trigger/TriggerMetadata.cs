using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Trigger;

public sealed record TriggerMetadata(
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("trigger_id")] string? TriggerId,
    [property: JsonPropertyName("subscribe_receipts")] bool? SubscribeReceipts);
