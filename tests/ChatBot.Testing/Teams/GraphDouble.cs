using System.Globalization;
using System.Text.Json.Nodes;
using ChatBot.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Testing.Teams;

/// <summary>
/// Microsoft Graph's Teams channel endpoints, locally: a team's channel list and the channel messages delta query
/// (initial sync with <c>$filter=lastModifiedDateTime gt …</c>, pages of <c>$top</c> newest first linked by
/// <c>@odata.nextLink</c>, then an <c>@odata.deltaLink</c> that later returns only what changed). Requires the Graph
/// token the connector double's token endpoint issues for the Graph scope; records every request. Point
/// <c>Teams__GraphBaseUrl</c> at <see cref="GraphBaseUrl"/>.
/// </summary>
public sealed class GraphDouble : IAsyncDisposable
{
    public const string AccessToken = "graph-test-token";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<(GraphChannelMessage Message, long Version)>> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Id, string Name)>> _channels = new(StringComparer.Ordinal);
    private long _version;

    private GraphDouble(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public string GraphBaseUrl => new Uri(BaseUrl, "/v1.0/").ToString();

    public System.Collections.Concurrent.ConcurrentQueue<GraphRequest> Requests { get; } = new();

    /// <summary>Groups (teams) whose requests answer 403, as when the team never consented to the app's RSC permissions.</summary>
    public HashSet<string> WithoutConsent { get; } = new(StringComparer.Ordinal);

    public void AddChannel(string groupId, string channelId, string displayName)
    {
        lock (_lock)
        {
            if (!_channels.TryGetValue(groupId, out var list)) _channels[groupId] = list = [];
            list.Add((channelId, displayName));
        }
    }

    /// <summary>Posts (or, with the same id, edits or deletes) a message; later delta rounds see it as a change.</summary>
    public void Post(string channelId, GraphChannelMessage message)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue(channelId, out var list)) _messages[channelId] = list = [];
            list.RemoveAll(m => m.Message.Id == message.Id);
            list.Add((message, ++_version));
        }
    }

    public IReadOnlyList<GraphRequest> DeltaRequests => Requests.Where(r => r.IsDelta).ToList();

    public static async Task<GraphDouble> StartAsync()
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var graph = new GraphDouble(app);
        app.Use(async (http, next) =>
        {
            graph.Requests.Enqueue(new GraphRequest(http.Request.Path.Value ?? "", http.Request.QueryString.Value ?? "", http.Request.Headers.Authorization));
            if (http.Request.Headers.Authorization != "Bearer " + AccessToken)
            {
                await Results.Json(Error("InvalidAuthenticationToken", "Access token is empty or not for Graph."), statusCode: 401).ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        app.MapGet("/v1.0/teams/{groupId}/channels", (string groupId) => graph.Channels(groupId));
        app.MapGet("/v1.0/teams/{groupId}/channels/{channelId}/messages/delta", (HttpContext http, string groupId, string channelId) => graph.Delta(http, groupId, channelId));
        await app.StartAsync();
        graph.BaseUrl = LoopbackServer.AddressOf(app);
        return graph;
    }

    private IResult Channels(string groupId)
    {
        if (WithoutConsent.Contains(groupId)) return Forbidden();
        lock (_lock)
        {
            var list = _channels.GetValueOrDefault(groupId) ?? [];
            return Results.Json(new JsonObject
            {
                ["value"] = new JsonArray([.. list.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["displayName"] = c.Name })]),
            });
        }
    }

    /// <summary>
    /// Initial round: messages modified after the filter's time. Resumed round (<c>$deltatoken=v</c>): messages changed
    /// after version v. Paging carries the round's state in <c>$skiptoken</c> as "afterVersion.upToVersion.sinceTicks.offset".
    /// </summary>
    private IResult Delta(HttpContext http, string groupId, string channelId)
    {
        if (WithoutConsent.Contains(groupId)) return Forbidden();
        var query = http.Request.Query;
        var top = int.TryParse(query["$top"], out var t) ? t : 20;
        long afterVersion, upToVersion, sinceTicks;
        int offset;
        lock (_lock)
        {
            if (query["$skiptoken"].ToString() is { Length: > 0 } skip)
            {
                var parts = skip.Split('.').Select(long.Parse).ToArray();
                (afterVersion, upToVersion, sinceTicks, offset) = (parts[0], parts[1], parts[2], (int)parts[3]);
            }
            else if (query["$deltatoken"].ToString() is { Length: > 0 } delta)
            {
                (afterVersion, upToVersion, sinceTicks, offset) = (long.Parse(delta, CultureInfo.InvariantCulture), _version, 0, 0);
            }
            else
            {
                var filter = query["$filter"].ToString();
                const string prefix = "lastModifiedDateTime gt ";
                if (!filter.StartsWith(prefix, StringComparison.Ordinal))
                    return Results.Json(Error("BadRequest", "Only $filter=lastModifiedDateTime gt … is supported."), statusCode: 400);
                var since = DateTimeOffset.Parse(filter[prefix.Length..], CultureInfo.InvariantCulture);
                (afterVersion, upToVersion, sinceTicks, offset) = (0, _version, since.UtcTicks, 0);
            }
            var changed = (_messages.GetValueOrDefault(channelId) ?? [])
                .Where(m => m.Version > afterVersion && m.Version <= upToVersion && m.Message.LastModified.UtcTicks > sinceTicks)
                .OrderByDescending(m => m.Message.Created)
                .Select(m => m.Message)
                .ToList();
            var page = changed.Skip(offset).Take(top).ToList();
            var body = new JsonObject { ["value"] = new JsonArray([.. page.Select(m => (JsonNode)ToJson(m))]) };
            var self = new Uri(BaseUrl, http.Request.Path.Value);
            if (offset + top < changed.Count)
                body["@odata.nextLink"] = $"{self}?$skiptoken={afterVersion}.{upToVersion}.{sinceTicks}.{offset + top}&$top={top}";
            else
                body["@odata.deltaLink"] = $"{self}?$deltatoken={upToVersion}";
            return Results.Json(body);
        }
    }

    private static JsonObject ToJson(GraphChannelMessage message) => new()
    {
        ["id"] = message.Id,
        ["messageType"] = message.MessageType,
        ["createdDateTime"] = message.Created.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["lastModifiedDateTime"] = message.LastModified.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["deletedDateTime"] = message.Deleted?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["from"] = message.MessageType == "message"
            ? new JsonObject { ["user"] = new JsonObject { ["id"] = "aad-" + message.AuthorName, ["displayName"] = message.AuthorName } }
            : null,
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = message.Deleted is null ? message.Html : "" },
    };

    private static IResult Forbidden() =>
        Results.Json(Error("Forbidden", "Missing role permissions on the request. API requires one of 'ChannelMessage.Read.All, ChannelMessage.Read.Group'."), statusCode: 403);

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
