using System.Text.Json.Serialization;

namespace ChatBot.Server.Api.Trigger;

/// <summary>The webhook-trigger poll's answer while a run is in flight (<c>running</c>) or once it has failed (<c>failed</c>).</summary>
public sealed record WebhookJobState([property: JsonPropertyName("status")] string Status);
