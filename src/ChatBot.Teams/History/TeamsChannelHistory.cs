using ChatBot.Core.Common;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams.History;

/// <summary>
/// Channel history from Microsoft Graph's channel messages delta query, cached per channel: the first read syncs
/// the messages changed since the start of the period, later reads replay the saved <c>@odata.deltaLink</c> and
/// get only what was posted, edited or deleted since. Needs the team's consent to the resource-specific permission
/// <c>ChannelMessage.Read.Group</c> (the app manifest asks for it). <c>#names</c> resolve through the team's channel
/// list, which needs the team's group id (see <see cref="KnownTeams"/>). Top-level posts only: replies aren't fetched.
/// </summary>
public sealed class TeamsChannelHistory(GraphClient graph, KnownTeams teams, IOptions<TeamsOptions> options) : IChannelHistory
{
    private const int PageSize = 50;
    private const int MaxPagesPerRound = 40;
    private const int MaxCachedPerChannel = 1000;
    private readonly ConcurrentDictionary<(string Tenant, string Channel), ChannelCache> _channels = new();
    private readonly ConcurrentDictionary<(string Group, string Name), string> _idsByName = new();

    public ChatPlatform Platform => ChatPlatform.Teams;

    public async Task<IReadOnlyList<HistoryMessage>> ReadAsync(ChatAddress workspace, string channel, DateTimeOffset since, int limit, CancellationToken ct)
    {
        if (!options.Value.IsConfigured)
            throw new InvalidOperationException("Microsoft Teams is not connected: set Teams__AppId and Teams__AppPassword.");
        var tenant = workspace.WorkspaceId;
        try
        {
            var (groupId, channelId) = await ResolveAsync(tenant, workspace.ChannelId, channel.Trim(), ct);
            var cache = _channels.GetOrAdd((tenant, channelId), _ => new ChannelCache());
            await cache.Gate.WaitAsync(ct);
            try
            {
                await RefreshAsync(tenant, groupId, channelId, cache, since, ct);
                return cache.Messages.Values.Where(m => m.At >= since).OrderBy(m => m.At).ThenBy(m => m.Id, StringComparer.Ordinal).TakeLast(limit).ToList();
            }
            finally
            {
                cache.Gate.Release();
            }
        }
        catch (GraphException ex) when (ex.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new GraphException(HttpStatusCode.Forbidden, ex.ErrorCode,
                "Microsoft Graph refused to read this team's channels (403): the team has not granted ChatBot the ChannelMessage.Read.Group " +
                "permission. A team owner can grant it by installing (or updating) the ChatBot app in that team. " + ex.Message);
        }
    }

    private async Task RefreshAsync(string tenant, string groupId, string channelId, ChannelCache cache, DateTimeOffset since, CancellationToken ct)
    {
        var warm = cache.DeltaLink is not null && cache.CoveredSince <= since;
        DeltaRound? round = null;
        if (warm)
        {
            try
            {
                round = await SyncAsync(tenant, cache.DeltaLink!, ct);
            }
            catch (GraphException ex) when (ex.StatusCode == HttpStatusCode.Gone)
            {
                // The delta token expired: start over.
            }
        }
        if (round is null)
        {
            cache.Messages.Clear();
            cache.CoveredSince = since;
            var filter = Uri.EscapeDataString($"lastModifiedDateTime gt {since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}");
            round = await SyncAsync(tenant, graph.Resolve(
                $"teams/{Uri.EscapeDataString(groupId)}/channels/{Uri.EscapeDataString(channelId)}/messages/delta?$top={PageSize}&$filter={filter}"), ct);
        }
        foreach (var change in round.Changes)
        {
            if (ToMessage(change) is { } message) cache.Messages[message.Id] = message;
            else if (change["id"]?.GetValue<string>() is { } id) cache.Messages.Remove(id); // deleted, or turned into something we don't show
        }
        cache.DeltaLink = round.DeltaLink;
        if (cache.Messages.Count > MaxCachedPerChannel)
        {
            foreach (var old in cache.Messages.Values.OrderBy(m => m.At).Take(cache.Messages.Count - MaxCachedPerChannel).ToList())
                cache.Messages.Remove(old.Id);
            cache.CoveredSince = cache.Messages.Values.Min(m => m.At);
        }
    }

    /// <summary>One delta round: every page up to the new delta link (none if the round was too long to finish: the next read starts over).</summary>
    private async Task<DeltaRound> SyncAsync(string tenant, Uri start, CancellationToken ct)
    {
        var changes = new List<JsonObject>();
        Uri? next = start;
        for (var page = 0; next is not null && page < MaxPagesPerRound; page++)
        {
            var body = await graph.GetAsync(tenant, next, ct);
            changes.AddRange((body["value"] as JsonArray ?? []).OfType<JsonObject>());
            if (body["@odata.deltaLink"]?.GetValue<string>() is { } delta) return new DeltaRound(changes, new Uri(delta));
            next = body["@odata.nextLink"]?.GetValue<string>() is { } link ? new Uri(link) : null;
        }
        return new DeltaRound(changes, null);
    }

    private async Task<(string GroupId, string ChannelId)> ResolveAsync(string tenant, string runChannel, string channel, CancellationToken ct)
    {
        // Teams channel ids are thread ids (19:…@thread.tacv2); anything else is a name as people write it.
        var isId = channel.StartsWith("19:", StringComparison.Ordinal);
        var groupId = (isId ? teams.GroupOf(channel) : null) ?? teams.GroupOf(runChannel)
            ?? throw new InvalidOperationException(
                "I don't know which team this channel belongs to yet: Teams tells the bot when it is added to a team or mentioned in one. " +
                "Mention the bot once in a channel of that team, then ask again.");
        if (isId) return (groupId, channel);

        var name = NameKey(channel.TrimStart('#'));
        if (_idsByName.TryGetValue((groupId, name), out var known)) return (groupId, known);
        var list = await graph.GetAsync(tenant, graph.Resolve($"teams/{Uri.EscapeDataString(groupId)}/channels?$select=id,displayName"), ct);
        foreach (var entry in (list["value"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (entry["id"]?.GetValue<string>() is not { } id) continue;
            teams.Remember(id, groupId);
            if (entry["displayName"]?.GetValue<string>() is { } displayName) _idsByName[(groupId, NameKey(displayName))] = id;
        }
        if (_idsByName.TryGetValue((groupId, name), out var found)) return (groupId, found);
        throw new InvalidOperationException($"No channel named #{channel.TrimStart('#')} in this team.");
    }

    /// <summary>People write "Customer Feedback" as #customer-feedback.</summary>
    private static string NameKey(string name) => string.Join('-', name.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static HistoryMessage? ToMessage(JsonObject message)
    {
        if (message["id"]?.GetValue<string>() is not { } id
            || message["@removed"] is not null
            || message["deletedDateTime"] is JsonValue
            || message["messageType"]?.GetValue<string>() is { } type && type != "message"
            || message["createdDateTime"]?.GetValue<string>() is not { } created)
            return null;
        var from = message["from"];
        var author = from?["user"]?["displayName"]?.GetValue<string>() ?? from?["application"]?["displayName"]?.GetValue<string>() ?? from?["user"]?["id"]?.GetValue<string>();
        var content = message["body"]?["content"]?.GetValue<string>() ?? "";
        var text = string.Equals(message["body"]?["contentType"]?.GetValue<string>(), "html", StringComparison.OrdinalIgnoreCase)
            ? TeamsMessageText.FromHtml(content)
            : ReadableLines.Normalize(content);
        return new HistoryMessage(id, author, DateTimeOffset.Parse(created, CultureInfo.InvariantCulture), text, 0);
    }

    private sealed record DeltaRound(List<JsonObject> Changes, Uri? DeltaLink);

    private sealed class ChannelCache
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public Dictionary<string, HistoryMessage> Messages { get; } = new(StringComparer.Ordinal);
        public Uri? DeltaLink { get; set; }
        public DateTimeOffset CoveredSince { get; set; } = DateTimeOffset.MaxValue;
    }
}
