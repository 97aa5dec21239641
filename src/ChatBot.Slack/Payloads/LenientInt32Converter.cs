using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Slack.Payloads;

/// <summary>A count of a Slack payload: anything but a whole number that fits reads as 0 instead of failing the payload.</summary>
internal sealed class LenientInt32Converter : JsonConverter<int>
{
    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number)) return number;
        reader.Skip();
        return 0;
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
