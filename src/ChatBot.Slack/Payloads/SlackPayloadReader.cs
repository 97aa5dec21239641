using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// The one place inbound Slack JSON becomes a payload record. Text that is not JSON throws <see cref="JsonException"/>
/// (the endpoints answer 400); JSON that is not an object reads as null (nothing for us); inside an object, a field of
/// the wrong type reads as absent, so a signed but odd payload never turns into a 500.
/// </summary>
internal static class SlackPayloadReader
{
    public static T? Read<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> type)
        where T : class
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read()) throw new JsonException("The payload is empty.");
        if (reader.TokenType == JsonTokenType.StartObject) return JsonSerializer.Deserialize(json, type);

        // Still check that the whole text is JSON: an array or a string carries nothing, a broken text is bad input.
        reader.Skip();
        // Content after the value makes Read throw, as the serializer would.
        if (reader.Read()) throw new JsonException("The payload has content after its value.");
        return null;
    }

    /// <summary>A Socket Mode envelope's payload, already parsed with the envelope.</summary>
    public static T? Read<T>(JsonElement? payload, JsonTypeInfo<T> type)
        where T : class =>
        payload is { ValueKind: JsonValueKind.Object } value ? value.Deserialize(type) : null;
}
