using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// A string field of a Slack payload: a signed body can still carry <c>"team": 7</c>, which must read as absent
/// rather than fail the whole payload. An empty string reads as absent too: no field we read means anything empty.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        try
        {
            return reader.GetString() is { Length: > 0 } text ? text : null;
        }
        catch (InvalidOperationException)
        {
            // Not valid UTF-8: nothing we could use.
            return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
