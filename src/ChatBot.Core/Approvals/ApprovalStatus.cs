using System.Text.Json.Serialization;

namespace ChatBot.Core.Approvals;

[JsonConverter(typeof(JsonStringEnumConverter<ApprovalStatus>))]
public enum ApprovalStatus
{
    [JsonStringEnumMemberName("pending")] Pending,
    [JsonStringEnumMemberName("approved")] Approved,
    [JsonStringEnumMemberName("denied")] Denied,
    [JsonStringEnumMemberName("expired")] Expired,
}
