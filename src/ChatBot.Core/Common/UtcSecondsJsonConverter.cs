using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBot.Core.Common;

/// <summary>Writes a timestamp as UTC to the second with a <c>Z</c> (<c>2026-05-26T15:42:23Z</c>), the audit log's format; reads any ISO 8601 form.</summary>
public sealed class UtcSecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
