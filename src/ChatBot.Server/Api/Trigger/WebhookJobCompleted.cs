using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Trigger;

/// <summary>The webhook-trigger poll's answer once a run has succeeded: its response.</summary>
public sealed record WebhookJobCompleted([property: JsonPropertyName("response")] string? Response)
{
    [JsonPropertyName("status")]
    [JsonPropertyOrder(-1)]
    public string Status => "completed";
}
