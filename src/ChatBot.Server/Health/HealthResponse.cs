using System.Text.Json.Serialization;

namespace ChatBot.Server.Health;

public sealed record HealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("uptime")] long Uptime);
