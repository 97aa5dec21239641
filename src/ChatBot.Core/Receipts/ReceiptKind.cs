using System.Text.Json.Serialization;

namespace ChatBot.Core.Receipts;

[JsonConverter(typeof(JsonStringEnumConverter<ReceiptKind>))]
public enum ReceiptKind
{
    [JsonStringEnumMemberName("success")] Success,
    [JsonStringEnumMemberName("denial")] Denial,
    [JsonStringEnumMemberName("failure")] Failure,
    [JsonStringEnumMemberName("expired")] Expired,
}
