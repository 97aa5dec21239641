using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// A nested object of a Slack payload (<c>team</c>, <c>event</c>, …): anything but an object (<c>"team": []</c>)
/// reads as absent instead of failing the payload. The object itself is read with the generated metadata.
/// </summary>
internal sealed class LenientObjectConverter<T> : JsonConverter<T>
    where T : class
{
    public override bool HandleNull => true;

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        return JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Slack payloads are only read.");
}
