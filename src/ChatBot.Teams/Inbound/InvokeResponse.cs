using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatBot.Teams.Activities;

namespace ChatBot.Teams.Inbound;

/// <summary>The body of an <c>adaptiveCard/action</c> invoke answer: a card that replaces the clicked one, or a message.</summary>
public sealed record InvokeResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] JsonNode? Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static InvokeResponse Card(JsonObject card) => new(200, Attachment.AdaptiveCardType, card);

    public static InvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    public static InvokeResponse Error(int status, string message) =>
        new(status, ErrorType, new JsonObject { ["code"] = status == 400 ? "BadRequest" : "Error", ["message"] = message });
}
