using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBot.Teams.Activities;

/// <summary>An activity attachment; ours are Adaptive Cards.</summary>
public sealed record Attachment(
    [property: JsonPropertyName("contentType")] string ContentType,
    [property: JsonPropertyName("content")] JsonNode? Content)
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";
}
