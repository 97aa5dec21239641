using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Bench.Ack;

/// <summary>
/// Button clicks: <c>block_actions</c> to <c>/slack/interactions</c>, each the Pause button of a <c>/monitors</c> card
/// (an ephemeral message, so the redrawn card and the reply go to the response_url), with its own trigger_id. A click
/// on a monitor already paused is answered "already paused" without a change, so every measured click of ours pauses
/// a fresh, active monitor, seeded before the warm-up; each monitor is in a channel of its own, so the card the click
/// redraws lists that one monitor.
/// </summary>
internal sealed class ButtonClickRequests(LoopbackPage page, string responseUrlBase)
    : AckRequests("button click (Pause)", "/slack/interactions", Form, "the click stored and its monitor paused before the 200")
{
    /// <summary>The warm-up's clicks go round this many monitors.</summary>
    private const int WarmUpMonitors = 20_000;

    private readonly Dictionary<string, List<string>> _monitorIds = [];

    public override string Body(string prefix, int i)
    {
        var trigger = $"{prefix}-{i}";
        // Bolt's listener reads no value: only our files' monitors are seeded (the warm-up's fewer than its clicks).
        var seeded = _monitorIds.GetValueOrDefault(prefix);
        var n = seeded is null ? i : i % seeded.Count;
        var channel = Channel(prefix, n);
        var monitorId = seeded?[n] ?? $"monitor_unseeded{i:D8}";
        var actionTs = $"1700000000.{i:D6}";
        // The payload Slack sends for a click in an ephemeral message (no "message" field: Slack keeps none).
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0BENCHUSER", ["username"] = "bench", ["name"] = "bench", ["team_id"] = "T0BENCH" },
            ["api_app_id"] = "A0BENCH",
            ["token"] = "bench-verification-token",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = channel, ["is_ephemeral"] = true },
            ["trigger_id"] = trigger,
            ["team"] = new JsonObject { ["id"] = "T0BENCH", ["domain"] = "bench" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "bench" },
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
            ["response_url"] = responseUrlBase + trigger,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = ActionIds.PauseMonitor,
                ["block_id"] = $"monitor:{monitorId}",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Pause", ["emoji"] = true },
                ["value"] = monitorId,
                ["type"] = "button",
                ["action_ts"] = actionTs,
            }),
        };
        return "payload=" + Uri.EscapeDataString(payload.ToJsonString());
    }

    private static string Channel(string prefix, int i) => $"C-{prefix}-{i}";

    private static string ChannelPattern(string prefix) => $"C-{prefix}-%";

    /// <summary>
    /// Active monitors as <c>/monitor</c> leaves them once its root message is posted and its first check ran, one per
    /// measured request, inserted with the server's own model (<see cref="MultiRowInsert"/>). The warm-up only warms:
    /// its clicks go round a smaller set, so past the first round they find their monitor paused already (answered
    /// without a change). Weekly, and on their cadence grid rather than due at once as a new monitor is: so many checks
    /// at once would be background work no real channel full of clicks brings; spread over a week they are under one
    /// check a second, of the loopback page.
    /// </summary>
    public override async Task SeedAsync(string database, (string Prefix, int Count) warmUp, (string Prefix, int Count) measured)
    {
        var started = Stopwatch.GetTimestamp();
        await using var db = new PostgresChatBotDbContext(new DbContextOptionsBuilder<PostgresChatBotDbContext>().UseNpgsql(database).Options);
        await db.Database.OpenConnectionAsync();
        var insert = MultiRowInsert.For<Monitor>(db);
        var now = DateTimeOffset.UtcNow;
        foreach (var (prefix, count) in new[] { (warmUp.Prefix, Math.Min(warmUp.Count, WarmUpMonitors)), measured })
        {
            var ids = new List<string>(count);
            _monitorIds[prefix] = ids;
            // Statements of 2,000 rows stay under PostgreSQL's 65,535 parameters.
            foreach (var chunk in Enumerable.Range(0, count).Chunk(2_000))
            {
                var monitors = chunk.Select(i =>
                {
                    var monitor = new Monitor("T0BENCH", $"{page.UrlFor(prefix)}?n={i}", Cadence.Weekly, MonitorKind.Page,
                        new ChatAddress(ChatPlatform.Slack, "T0BENCH", Channel(prefix, i)), new ChatUser("U0BENCHUSER", "bench"), now);
                    monitor.AttachThread($"1700000000.{i:D6}", now);
                    monitor.RecordSuccess(now);
                    // Resuming puts the monitor's next check on its cadence grid.
                    monitor.Pause(now);
                    monitor.Resume(now);
                    return monitor;
                }).ToList();
                await insert.InsertAsync(db, monitors, CancellationToken.None);
                ids.AddRange(monitors.Select(m => m.Id));
            }
        }
        // Settle the grown table now, so autovacuum's analyze of it does not start in the middle of a measured run.
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE monitors");
        Console.WriteLine($"[ack] seeded {_monitorIds.Values.Sum(ids => ids.Count)} monitors in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    public override async Task<StoredCheck> CheckAsync(string database, string prefix) => new(
        // The delivery id InteractionHandler records: the trigger_id and the action's index.
        await DeliveriesAsync(database, $"slack-act-{prefix}-%"),
        await BenchPostgres.CountAsync(database, "SELECT count(*) FROM monitors WHERE \"ChannelId\" LIKE @p AND \"Status\" = 'Paused'", ChannelPattern(prefix)),
        "paused monitors");
}
