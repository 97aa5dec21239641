using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Admin;

/// <summary>A freshly rotated webhook signing secret, shown this once.</summary>
public sealed record WebhookSecretResponse([property: JsonPropertyName("secret")] string? Secret);
