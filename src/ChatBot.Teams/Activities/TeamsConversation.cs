using System.Text.Json;
using System.Text.RegularExpressions;
using ChatBot.Core.Chat;

namespace ChatBot.Teams.Activities;

/// <summary>
/// Maps an activity to the neutral address: workspace = tenant, channel = conversation id without its
/// <c>;messageid=</c> suffix, thread = a channel reply chain's root (from that suffix, else <c>replyToId</c>);
/// chats have no reply chains, so no thread.
/// The service URL rides along in the address so jobs can post back later.
/// </summary>
public static partial class TeamsConversation
{
    public static string? TenantOf(Activity activity)
    {
        if (activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            return id.GetString();
        return activity.Conversation?.TenantId;
    }

    public static (string ChannelId, string? ThreadId) Split(string conversationId)
    {
        var match = MessageIdSuffix().Match(conversationId);
        return match.Success ? (conversationId[..match.Index], match.Groups["id"].Value) : (conversationId, null);
    }

    /// <summary>The address of the activity's conversation; <paramref name="thread"/> decides the thread.</summary>
    public static ChatAddress? AddressOf(Activity activity, string? thread)
    {
        var tenant = TenantOf(activity);
        if (string.IsNullOrWhiteSpace(tenant) || activity.Conversation?.Id is not { Length: > 0 } conversation) return null;
        var (channel, _) = Split(conversation);
        return new ChatAddress(ChatPlatform.Teams, tenant, channel, thread, activity.ServiceUrl);
    }

    /// <summary>The reply chain the activity belongs to, if any; only channels have reply chains.</summary>
    public static string? ThreadOf(Activity activity) =>
        !IsChannel(activity) ? null
        : activity.Conversation?.Id is { } conversation && Split(conversation).ThreadId is { } thread ? thread : activity.ReplyToId;

    /// <summary>The conversation id of a channel's reply chain: posting there puts the message under the root.</summary>
    public static string ReplyChain(string channelId, string rootId) => $"{Split(channelId).ChannelId};messageid={rootId}";

    public static bool IsChannel(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase);

    public static bool IsPersonal(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sender by Teams user id (29:…) and AAD object id, so settings naming either one match.</summary>
    public static ChatUser? UserOf(Activity activity) =>
        activity.From is { Id.Length: > 0 } from ? new ChatUser(from.Id, from.Name, from.AadObjectId) : null;

    [GeneratedRegex(@";messageid=(?<id>[^;]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdSuffix();
}
