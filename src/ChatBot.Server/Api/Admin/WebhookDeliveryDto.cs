using System.Text.Json.Serialization;
using ChatBot.Core.Webhooks;

namespace ChatBot.Server.Api.Admin;

/// <summary>A push in the delivery log, with every attempt.</summary>
public sealed record WebhookDeliveryDto(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("run_id")] string? RunId,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("status")] WebhookDeliveryStatus Status,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("delivered_at")] DateTimeOffset? DeliveredAt,
    [property: JsonPropertyName("attempts")] IReadOnlyList<WebhookAttempt> Attempts)
{
    public static WebhookDeliveryDto Of(WebhookDelivery d) => new(d.Id, d.RunId, d.Url, d.Status, d.CreatedAt, d.DeliveredAt, d.Attempts);
}
