using System.Text.Json.Nodes;

namespace ChatBot.Slack.Tests.Infrastructure;

/// <summary>Slack request bodies shaped like the real ones (trimmed to the fields that matter).</summary>
public static class SlackPayloads
{
    public const string Team = "T0TEAM";
    public const string Channel = "C0CHANNEL";
    public const string User = "U0USER";
    public const string BotUser = "U0BOT";

    public static Dictionary<string, string> SlashCommand(string command, string text) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = Team,
        ["team_domain"] = "acme",
        ["channel_id"] = Channel,
        ["channel_name"] = "general",
        ["user_id"] = User,
        ["user_name"] = "ada",
        ["command"] = command,
        ["text"] = text,
        ["response_url"] = "https://hooks.slack.com/commands/T0TEAM/1/abc",
        ["trigger_id"] = "123.456.abcdef",
    };

    public static string EventCallback(JsonObject ev, string eventId = "Ev0001") => new JsonObject
    {
        ["token"] = "deprecated",
        ["team_id"] = Team,
        ["api_app_id"] = "A0APP",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = Team, ["user_id"] = BotUser, ["is_bot"] = true }),
        ["event"] = ev,
    }.ToJsonString();

    public static JsonObject Mention(string text, string ts = "1700000001.000100", string? threadTs = null)
    {
        var ev = new JsonObject { ["type"] = "app_mention", ["user"] = User, ["text"] = text, ["ts"] = ts, ["channel"] = Channel, ["event_ts"] = ts };
        if (threadTs is not null) ev["thread_ts"] = threadTs;
        return ev;
    }

    public static JsonObject Message(string text, string channelType, string ts = "1700000002.000100", string? threadTs = null, string channel = Channel)
    {
        var ev = new JsonObject { ["type"] = "message", ["channel_type"] = channelType, ["user"] = User, ["text"] = text, ["ts"] = ts, ["channel"] = channel };
        if (threadTs is not null) ev["thread_ts"] = threadTs;
        return ev;
    }

    public static Dictionary<string, string> BlockAction(string actionId, string value, string messageTs, string responseUrl, bool ephemeral = false) => new()
    {
        ["payload"] = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = User, ["username"] = "ada", ["team_id"] = Team },
            ["team"] = new JsonObject { ["id"] = Team, ["domain"] = "acme" },
            ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "general" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = Channel, ["is_ephemeral"] = ephemeral },
            ["message"] = ephemeral ? null : new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "Approval needed" },
            ["trigger_id"] = "999.888.trigger",
            ["response_url"] = responseUrl,
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["action_id"] = actionId,
                ["block_id"] = "approval:" + value,
                ["value"] = value,
                ["action_ts"] = "1700000003.000200",
            }),
        }.ToJsonString(),
    };
}
