using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Slack.Api;

namespace ChatBot.Slack.History;

/// <summary>
/// Channel history from <c>conversations.history</c>, cached per channel and fetched incrementally: a second
/// read asks Slack only for messages newer than the newest one it has, because new apps get about one
/// history call per minute. <c>#names</c> are resolved once through <c>conversations.list</c>.
/// </summary>
public sealed class SlackChannelHistory(SlackWebApiClient slack) : IChannelHistory
{
    private const int MaxCachedPerChannel = 1000;
    // Keyed by team too: channel names repeat across workspaces, and each team's token sees only its own.
    private readonly ConcurrentDictionary<(string Team, string Channel), ChannelCache> _channels = new();
    private readonly ConcurrentDictionary<(string Team, string Name), string> _idsByName = new();

    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<IReadOnlyList<HistoryMessage>> ReadAsync(ChatAddress workspace, string channel, DateTimeOffset since, int limit, CancellationToken ct)
    {
        var team = workspace.WorkspaceId;
        var channelId = await ResolveAsync(team, channel.Trim(), ct);
        var cache = _channels.GetOrAdd((team, channelId), _ => new ChannelCache());
        await cache.Gate.WaitAsync(ct);
        try
        {
            var warm = cache.Messages.Count > 0 && cache.CoveredSince <= since;
            // Warm: only what is newer than the newest cached message ("oldest" is exclusive). Cold: all since `since`.
            var fetched = await FetchAsync(team, channelId, warm ? cache.Messages[^1].Id : Ts(since), ct);
            if (!warm)
            {
                cache.Messages.Clear();
                cache.CoveredSince = since;
            }
            cache.Messages.AddRange(fetched);
            cache.Messages.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            if (cache.Messages.Count > MaxCachedPerChannel)
            {
                cache.Messages.RemoveRange(0, cache.Messages.Count - MaxCachedPerChannel);
                cache.CoveredSince = cache.Messages[0].At;
            }
            return cache.Messages.Where(m => m.At >= since).TakeLast(limit).ToList();
        }
        finally
        {
            cache.Gate.Release();
        }
    }

    private async Task<List<HistoryMessage>> FetchAsync(string team, string channelId, string oldest, CancellationToken ct)
    {
        var fetched = new List<HistoryMessage>();
        string? cursor = null;
        do
        {
            var page = await slack.Conversations.HistoryAsync(team, channelId, oldest, cursor, ct);
            fetched.AddRange((page["messages"] as JsonArray ?? []).OfType<JsonObject>().Select(ToMessage).OfType<HistoryMessage>());
            cursor = page["response_metadata"]?["next_cursor"]?.GetValue<string>() is { Length: > 0 } next ? next : null;
        }
        while (cursor is not null && fetched.Count < MaxCachedPerChannel);
        return fetched;
    }

    private async Task<string> ResolveAsync(string team, string channel, CancellationToken ct)
    {
        // Slack writes channel links as <#C123|name>.
        if (channel.StartsWith("<#", StringComparison.Ordinal)) return channel[2..].Split('|', '>')[0];
        if (!channel.StartsWith('#')) return channel;
        var name = channel[1..].ToLowerInvariant();
        if (_idsByName.TryGetValue((team, name), out var known)) return known;
        string? cursor = null;
        do
        {
            var page = await slack.Conversations.ListAsync(team, cursor, ct);
            foreach (var entry in (page["channels"] as JsonArray ?? []).OfType<JsonObject>())
                if (entry["name"]?.GetValue<string>() is { } n && entry["id"]?.GetValue<string>() is { } id) _idsByName[(team, n.ToLowerInvariant())] = id;
            if (_idsByName.TryGetValue((team, name), out var found)) return found;
            cursor = page["response_metadata"]?["next_cursor"]?.GetValue<string>() is { Length: > 0 } next ? next : null;
        }
        while (cursor is not null);
        throw new SlackApiException("conversations.list", "channel_not_found", $"No channel named #{name} that the bot can see; invite it with /invite.");
    }

    private static HistoryMessage? ToMessage(JsonObject message)
    {
        if (message["ts"]?.GetValue<string>() is not { } ts) return null;
        var seconds = double.Parse(ts, CultureInfo.InvariantCulture);
        return new HistoryMessage(ts,
            message["user"]?.GetValue<string>() ?? message["bot_id"]?.GetValue<string>(),
            DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)),
            message["text"]?.GetValue<string>() ?? "",
            message["reply_count"]?.GetValue<int>() ?? 0);
    }

    private static string Ts(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000.0).ToString("F6", CultureInfo.InvariantCulture);

    private sealed class ChannelCache
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public List<HistoryMessage> Messages { get; } = [];
        public DateTimeOffset CoveredSince { get; set; } = DateTimeOffset.MaxValue;
    }
}
