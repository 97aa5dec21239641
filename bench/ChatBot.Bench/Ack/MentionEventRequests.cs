using System.Text.Json.Nodes;

namespace ChatBot.Bench.Ack;

/// <summary>
/// Events API <c>app_mention</c>s to <c>/slack/events</c>, each with its own event_id (our delivery id for it) and in
/// a channel of its own, as the end-to-end benchmark does: the bot keeps to Slack's pace of about one post per second
/// per channel, so a stream in one channel would pile the answers up behind that limit. Each starts a run.
/// </summary>
internal sealed class MentionEventRequests()
    : AckRequests("event `app_mention`", "/slack/events", Json, "the event and a new run for it stored before the 200")
{
    /// <summary>The bot user the Bolt peer is configured with (bench/ack/bolt/app.js), named in the events' authorizations.</summary>
    private const string BotUserId = "U0BENCH";

    public override string Body(string prefix, int i)
    {
        var ts = $"1700000000.{i:D6}";
        // The envelope Slack sends for an app_mention, with the fields it carries.
        return new JsonObject
        {
            ["token"] = "bench-verification-token",
            ["team_id"] = "T0BENCH",
            ["api_app_id"] = "A0BENCH",
            ["event"] = new JsonObject
            {
                ["type"] = "app_mention",
                ["user"] = "U0BENCHUSER",
                ["text"] = $"<@{BotUserId}> what changed on our pricing page this week? ({i})",
                ["ts"] = ts,
                ["team"] = "T0BENCH",
                ["channel"] = Channel(prefix, i),
                ["event_ts"] = ts,
            },
            ["type"] = "event_callback",
            ["event_id"] = EventId(prefix, i),
            ["event_time"] = 1700000000,
            ["authorizations"] = new JsonArray(new JsonObject
            {
                ["enterprise_id"] = null, ["team_id"] = "T0BENCH", ["user_id"] = BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false,
            }),
            ["is_ext_shared_channel"] = false,
        }.ToJsonString();
    }

    private static string EventId(string prefix, int i) => $"Ev-{prefix}-{i}";

    private static string EventIdPattern(string prefix) => $"Ev-{prefix}-%";

    private static string Channel(string prefix, int i) => $"C-{prefix}-{i}";

    public override async Task<StoredCheck> CheckAsync(string database, string prefix) => new(
        // The event_id is the delivery id (SlackEventClassifier); the delivery names the run it started.
        await DeliveriesAsync(database, EventIdPattern(prefix)),
        await BenchPostgres.CountAsync(database,
            "SELECT count(*) FROM inbound_deliveries d JOIN runs r ON r.\"Id\" = d.\"RunId\" WHERE d.\"Id\" LIKE @p", EventIdPattern(prefix)),
        "runs");
}
