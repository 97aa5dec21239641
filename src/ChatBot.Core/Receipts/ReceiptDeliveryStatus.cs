using System.Text.Json.Serialization;

namespace ChatBot.Core.Receipts;

[JsonConverter(typeof(JsonStringEnumConverter<ReceiptDeliveryStatus>))]
public enum ReceiptDeliveryStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("delivered")] Delivered,
    /// <summary>No channel to post in (pull-only API run, no default channel): kept for the audit log only.</summary>
    [JsonStringEnumMemberName("not_posted")] NotPosted,
    [JsonStringEnumMemberName("failed")] Failed,
}
