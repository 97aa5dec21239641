using ChatBot.Testing.Hosting;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Slack;

/// <summary>
/// A local Slack Web API (<c>POST /api/{method}</c>) that records every call and answers like Slack: HTTP 200
/// with <c>ok:true</c> and fresh ts values, HTTP 200 with <c>ok:false</c> and an error code for a wrong token or
/// a scripted failure, and 429 with Retry-After when told to rate limit. Also hosts response_url hooks
/// (<c>POST /hooks/{id}</c>), and apps.connections.open for a <see cref="SlackSocketModeDouble"/>. Configure the bot with <see cref="ApiBaseUrl"/> as <c>Slack__ApiBaseUrl</c>.
/// </summary>
public sealed class SlackApiDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _nextTs;

    private SlackApiDouble(WebApplication app) => _app = app;

    public const string BotToken = "xoxb-test-token";

    /// <summary>The app credentials oauth.v2.access accepts (HTTP Basic, as Slack prefers).</summary>
    public const string ClientId = "1111.2222";
    public const string ClientSecret = "test-client-secret";

    /// <summary>Authorization codes oauth.v2.access trades, each once: code → the team and installer it installs for.</summary>
    public ConcurrentDictionary<string, (string TeamId, string TeamName, string InstallerId)> InstallCodes { get; } = new();

    /// <summary>Bot tokens issued by installs (accepted like <see cref="BotToken"/>): token → team.</summary>
    public ConcurrentDictionary<string, string> IssuedTokens { get; } = new();

    public static string InstalledTokenFor(string teamId) => $"xoxb-installed-{teamId}";

    /// <summary>The team <see cref="BotToken"/> belongs to, as auth.test reports it; null answers auth.test with unknown_method.</summary>
    public string? BotTeamId { get; set; }

    /// <summary>While set, auth.test answers 429 with Retry-After: 1, as Slack does when it wants the caller back later.</summary>
    public bool DelayAuthTest { get; set; }

    /// <summary>The app-level token apps.connections.open accepts (Socket Mode).</summary>
    public const string AppToken = "xapp-test-token";

    /// <summary>Hands out a fresh Socket Mode URL for apps.connections.open; set by <see cref="SlackSocketModeDouble"/>.</summary>
    public Func<string>? SocketModeUrl { get; set; }

    public Uri BaseUrl { get; private set; } = null!;

    public string ApiBaseUrl => new Uri(BaseUrl, "/api/").ToString();

    public ConcurrentQueue<SlackApiCall> Calls { get; } = new();

    /// <summary>Called with every call as it is recorded, on the request's thread (benchmarks time arrivals with it).</summary>
    public Action<SlackApiCall>? Received { get; set; }

    /// <summary>Channels conversations.list knows: name → id.</summary>
    public ConcurrentDictionary<string, string> Channels { get; } = new();

    /// <summary>conversations.history per channel id: (ts, user, text), any order.</summary>
    public ConcurrentDictionary<string, List<(string Ts, string User, string Text)>> History { get; } = new();

    /// <summary>Every message chat.postMessage stored, in order; conversations.history (top level) and
    /// conversations.replies (a thread) answer with them, and with their metadata when include_all_metadata is set.</summary>
    public ConcurrentQueue<SlackPostedMessage> Posted { get; } = new();

    /// <summary>When set, chat.postMessage stores the message (it has reached Slack) and then awaits this before it
    /// answers, as a slow or lost answer would; a test holds it to kill the caller meanwhile.</summary>
    public Func<SlackApiCall, Task>? HoldPostReply { get; set; }

    /// <summary>Users whose users.info says is_admin.</summary>
    public ConcurrentDictionary<string, bool> Admins { get; } = new();

    /// <summary>Web API methods whose calls are recorded at once but answered only when their task completes: shows that
    /// whoever made the bot call (a click's HTTP answer) does not wait for Slack.</summary>
    public ConcurrentDictionary<string, Task> Holds { get; } = new();

    /// <summary>Scripted answers consumed one per call: an error code (ok:false) or a 429 with its Retry-After seconds.</summary>
    public ConcurrentQueue<SlackScriptedFailure> Failures { get; } = new();

    public string ResponseUrl(string id) => new Uri(BaseUrl, "/hooks/" + id).ToString();

    public static async Task<SlackApiDouble> StartAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var slack = new SlackApiDouble(app);
        app.MapPost("/api/{method}", slack.ApiAsync);
        app.MapPost("/hooks/{id}", slack.HookAsync);
        await app.StartAsync();
        slack.BaseUrl = LoopbackServer.AddressOf(app);
        return slack;
    }

    public IReadOnlyList<SlackApiCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    /// <summary>Waits until a call matching the condition arrives; the deadline only bounds a hung test.</summary>
    public async Task<SlackApiCall> WaitForCallAsync(string method, Func<SlackApiCall, bool>? match = null, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = Calls.FirstOrDefault(c => c.Method == method && (match?.Invoke(c) ?? true));
            if (found is not null) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Slack {method} was never called as expected.");
            await Task.Delay(25);
        }
    }

    private async Task ApiAsync(HttpContext http, string method)
    {
        var call = new SlackApiCall(method, http.Request.Headers.Authorization.ToString(), await ArgumentsAsync(http.Request));
        Calls.Enqueue(call);
        Received?.Invoke(call);
        if (Holds.TryGetValue(method, out var hold)) await hold;

        // Scripted failures are for the calls a test drives; the startup auth.test probe (which team Slack__BotToken
        // belongs to) runs at a moment no test controls, so it never takes one.
        if (method == "auth.test" && DelayAuthTest)
        {
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = "1";
            return;
        }
        if (method != "auth.test" && Failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfterSeconds is { } seconds)
            {
                http.Response.StatusCode = 429;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return;
            }
            await http.Response.WriteAsJsonAsync(new { ok = false, error = failure.Error });
            return;
        }
        if (method == "apps.connections.open")
        {
            // The one method that takes the app-level token rather than the bot token.
            await http.Response.WriteAsJsonAsync(call.Authorization == "Bearer " + AppToken && SocketModeUrl is { } url
                ? new JsonObject { ["ok"] = true, ["url"] = url() }
                : new JsonObject { ["ok"] = false, ["error"] = "invalid_auth" });
            return;
        }
        if (method == "oauth.v2.access")
        {
            await http.Response.WriteAsJsonAsync(OAuthAccess(call));
            return;
        }
        if (call.Authorization != "Bearer " + BotToken && !IssuedTokens.ContainsKey(call.Authorization?.Replace("Bearer ", "") ?? ""))
        {
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_auth" });
            return;
        }

        if (method == "chat.postMessage")
        {
            var posted = new SlackPostedMessage(call.Arg("channel") ?? "", call.Arg("thread_ts"), NextTs(), call.Arg("text"), call.Arguments["metadata"]?.DeepClone() as JsonObject);
            Posted.Enqueue(posted);
            if (HoldPostReply is { } holdReply) await holdReply(call);
            await http.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = true, ["channel"] = posted.Channel, ["ts"] = posted.Ts });
            return;
        }

        JsonObject answer = method switch
        {
            "chat.update" => new() { ["ok"] = true, ["channel"] = call.Arg("channel"), ["ts"] = call.Arg("ts") },
            "chat.postEphemeral" => new() { ["ok"] = true, ["message_ts"] = NextTs() },
            "conversations.list" => new()
            {
                ["ok"] = true,
                ["channels"] = new JsonArray(Channels.Select(c => (JsonNode)new JsonObject { ["id"] = c.Value, ["name"] = c.Key }).ToArray()),
                ["response_metadata"] = new JsonObject { ["next_cursor"] = "" },
            },
            "conversations.history" => HistoryPage(call),
            "conversations.replies" => RepliesPage(call),
            "conversations.open" => new() { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = "D" + call.Arg("users") } },
            "auth.test" => AuthTest(call),
            "users.info" => new()
            {
                ["ok"] = true,
                ["user"] = new JsonObject
                {
                    ["id"] = call.Arg("user"),
                    ["name"] = call.Arg("user")?.ToLowerInvariant(),
                    ["is_admin"] = Admins.ContainsKey(call.Arg("user") ?? ""),
                    ["is_owner"] = false,
                    ["is_bot"] = false,
                },
            },
            _ => new() { ["ok"] = false, ["error"] = "unknown_method" },
        };
        await http.Response.WriteAsJsonAsync(answer);
    }

    private JsonObject AuthTest(SlackApiCall call)
    {
        var token = call.Authorization?.Replace("Bearer ", "") ?? "";
        var team = IssuedTokens.TryGetValue(token, out var installed) ? installed : token == BotToken ? BotTeamId : null;
        return team is null
            ? new() { ["ok"] = false, ["error"] = "unknown_method" }
            : new() { ["ok"] = true, ["team_id"] = team, ["team"] = "Team " + team, ["user_id"] = "UBOT" + team, ["bot_id"] = "B" + team };
    }

    private async Task HookAsync(HttpContext http, string id)
    {
        var arguments = await ArgumentsAsync(http.Request);
        arguments["hook_id"] = id;
        Calls.Enqueue(new SlackApiCall("response_url", http.Request.Headers.Authorization.ToString(), arguments));
        await http.Response.WriteAsync("ok");
    }

    private static async Task<JsonObject> ArgumentsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fields = new JsonObject();
            foreach (var (key, value) in form) fields[key] = value.ToString();
            return fields;
        }
        return await JsonNode.ParseAsync(request.Body) as JsonObject ?? new JsonObject();
    }

    /// <summary>oauth.v2.access as Slack answers it for a bot install: the app's credentials, then a one-time code.</summary>
    private JsonObject OAuthAccess(SlackApiCall call)
    {
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        if (call.Authorization != expected) return new() { ["ok"] = false, ["error"] = "invalid_client_id" };
        if (!InstallCodes.TryRemove(call.Arg("code") ?? "", out var install)) return new() { ["ok"] = false, ["error"] = "invalid_code" };
        var token = InstalledTokenFor(install.TeamId);
        IssuedTokens[token] = install.TeamId;
        return new()
        {
            ["ok"] = true,
            ["access_token"] = token,
            ["token_type"] = "bot",
            ["scope"] = "app_mentions:read,chat:write,commands",
            ["bot_user_id"] = "UBOT" + install.TeamId,
            ["app_id"] = "A0APP",
            ["team"] = new JsonObject { ["id"] = install.TeamId, ["name"] = install.TeamName },
            ["enterprise"] = null,
            ["authed_user"] = new JsonObject { ["id"] = install.InstallerId },
            ["is_enterprise_install"] = false,
        };
    }

    /// <summary>Newest first, only messages after "oldest" (exclusive) and at most "limit" of them, as Slack answers:
    /// the seeded history and the bot's own top-level posts.</summary>
    private JsonObject HistoryPage(SlackApiCall call)
    {
        var channel = call.Arg("channel") ?? "";
        var seeded = History.TryGetValue(channel, out var messages) ? messages : null;
        var posted = Posted.Where(p => p.Channel == channel && p.ThreadTs is null).ToList();
        if (seeded is null && posted.Count == 0) return new() { ["ok"] = false, ["error"] = "channel_not_found" };
        var oldest = decimal.Parse(call.Arg("oldest") ?? "0", CultureInfo.InvariantCulture);
        var all = (seeded ?? []).Select(m => new SlackPostedMessage(channel, null, m.Ts, m.Text, null) { User = m.User }).Concat(posted)
            .Where(m => decimal.Parse(m.Ts, CultureInfo.InvariantCulture) > oldest);
        return Page(call, all.OrderByDescending(m => m.Ts, StringComparer.Ordinal));
    }

    /// <summary>A thread: its parent and then its replies, oldest first, as Slack answers.</summary>
    private JsonObject RepliesPage(SlackApiCall call)
    {
        var (channel, ts) = (call.Arg("channel") ?? "", call.Arg("ts") ?? "");
        var thread = Posted.Where(p => p.Channel == channel && (p.Ts == ts || p.ThreadTs == ts)).OrderBy(p => p.Ts, StringComparer.Ordinal);
        return Page(call, thread);
    }

    private static JsonObject Page(SlackApiCall call, IEnumerable<SlackPostedMessage> messages)
    {
        var withMetadata = call.Arg("include_all_metadata") == "true";
        var limit = int.TryParse(call.Arg("limit"), CultureInfo.InvariantCulture, out var n) ? n : 100;
        var page = messages.Take(limit).Select(m =>
        {
            var message = new JsonObject { ["type"] = "message", ["ts"] = m.Ts, ["user"] = m.User, ["text"] = m.Text };
            if (m.ThreadTs is not null) message["thread_ts"] = m.ThreadTs;
            if (withMetadata && m.Metadata is not null) message["metadata"] = m.Metadata.DeepClone();
            return (JsonNode)message;
        });
        return new() { ["ok"] = true, ["messages"] = new JsonArray(page.ToArray()), ["has_more"] = false };
    }

    private string NextTs() => $"1700000000.{Interlocked.Increment(ref _nextTs):D6}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
