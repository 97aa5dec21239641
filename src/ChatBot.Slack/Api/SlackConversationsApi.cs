using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatBot.Slack.Api;

/// <summary>conversations.open, conversations.history, conversations.list.</summary>
public sealed class SlackConversationsApi(SlackApiTransport transport)
{
    /// <summary>The DM channel with a user (conversations.open is idempotent: the same channel every time).</summary>
    public async Task<string> OpenDirectAsync(string team, string user, CancellationToken ct)
    {
        var answer = await transport.CallJsonAsync(team, "conversations.open", new JsonObject { ["users"] = user }, ct);
        return answer["channel"]?["id"]?.GetValue<string>()
            ?? throw new SlackApiException("conversations.open", "invalid_response", "Slack conversations.open returned no channel id");
    }

    /// <summary>One page of a channel's messages after <paramref name="oldest"/> (exclusive), newest first, as Slack answers it.</summary>
    public Task<JsonObject> HistoryAsync(string team, string channel, string oldest, string? cursor, CancellationToken ct) =>
        transport.CallFormAsync(team, "conversations.history",
            [new("channel", channel), new("oldest", oldest), new("limit", "200"), .. Cursor(cursor)], ct);

    /// <summary>
    /// The ts of the message that carries <paramref name="deliveryId"/> in its metadata among the thread's replies
    /// (<paramref name="threadTs"/> set) or the channel's latest messages, or null. Looks at one page (the most
    /// recent <see cref="RecentWindow"/> messages): a delivery that lost its answer is retried within minutes.
    /// </summary>
    public async Task<string?> FindDeliveryAsync(string team, string channel, string? threadTs, string deliveryId, CancellationToken ct)
    {
        KeyValuePair<string, string>[] fields = [new("channel", channel), new("include_all_metadata", "true"), new("limit", RecentWindow.ToString(CultureInfo.InvariantCulture))];
        var answer = threadTs is null
            ? await transport.CallFormAsync(team, "conversations.history", fields, ct)
            : await transport.CallFormAsync(team, "conversations.replies", [.. fields, new("ts", threadTs)], ct);
        return (answer["messages"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .FirstOrDefault(m => m["metadata"]?["event_type"]?.GetValue<string>() == SlackChatApi.DeliveryEventType
                && m["metadata"]?["event_payload"]?["delivery_id"]?.GetValue<string>() == deliveryId)?["ts"]?.GetValue<string>();
    }

    public const int RecentWindow = 100;

    /// <summary>One page of the public and private channels the bot can see.</summary>
    public Task<JsonObject> ListAsync(string team, string? cursor, CancellationToken ct) =>
        transport.CallFormAsync(team, "conversations.list",
            [new("exclude_archived", "true"), new("limit", "1000"), new("types", "public_channel,private_channel"), .. Cursor(cursor)], ct);

    private static KeyValuePair<string, string>[] Cursor(string? cursor) => cursor is null ? [] : [new("cursor", cursor)];
}
