using System.Text.Json.Serialization;
using ChatBot.Core.Webhooks;

namespace ChatBot.Server.Api.Admin;

/// <summary>A delivery queued again (202).</summary>
public sealed record RedeliveryResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] WebhookDeliveryStatus Status);
