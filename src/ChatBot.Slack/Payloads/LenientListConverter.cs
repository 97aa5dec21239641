using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// An array in a Slack payload (<c>actions</c>, <c>authorizations</c>, <c>tokens.bot</c>): anything but an array reads
/// as absent, and an element of the wrong kind (<c>7</c> among actions) reads as null in its place, so positions stay
/// as Slack sent them. Strings are read by <see cref="LenientStringConverter"/>, which takes any token.
/// </summary>
internal sealed class LenientListConverter<T> : JsonConverter<IReadOnlyList<T?>>
    where T : class
{
    public override bool HandleNull => true;

    public override IReadOnlyList<T?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return null;
        }
        var type = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject || type.Kind != JsonTypeInfoKind.Object)
            {
                items.Add(JsonSerializer.Deserialize(ref reader, type));
            }
            else
            {
                reader.Skip();
                items.Add(null);
            }
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T?> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Slack payloads are only read.");
}
