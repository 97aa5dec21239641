using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>A flag of a Slack payload: anything but <c>true</c> or <c>false</c> reads as false instead of failing the payload.</summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) return reader.GetBoolean();
        reader.Skip();
        return false;
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
