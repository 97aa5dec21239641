using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using static ChatBot.Slack.Inbound.SlackJson;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Decides which Events API callbacks are addressed to the bot and turns them into parsed commands, following
/// the playground's flow: a task is answered in a thread under the message that asked, a <c>cancelmonitor</c>
/// reply names its monitor by thread, other commands answer in the channel. Everything else is ignored:
/// bot messages (ours included, which would loop), edits, joins and other subtypes, and ordinary channel chatter.
/// </summary>
public static class SlackEventClassifier
{
    public static SlackInboundMessage? Classify(JsonNode envelope)
    {
        if (Field(envelope, "event") is not JsonObject ev) return null;
        if (ev["bot_id"] is not null || !string.IsNullOrEmpty(Text(ev, "subtype"))) return null;

        var eventId = Text(envelope, "event_id");
        var team = Text(envelope, "team_id") ?? Text(ev, "team");
        var channel = Text(ev, "channel");
        var user = Text(ev, "user");
        var ts = Text(ev, "ts");
        if (eventId is null || team is null || channel is null || user is null || ts is null) return null;

        var threadTs = Text(ev, "thread_ts");
        var text = SlackInboundText.ToPlainText(StripBotMention(Text(ev, "text") ?? "", BotUserId(envelope)));
        var type = Text(ev, "type");
        var isDirect = type == "message" && Text(ev, "channel_type") == "im";

        CommandParseResult parsed;
        if (type == "app_mention" || isDirect)
        {
            parsed = CommandParser.ParseMessage(text);
        }
        else if (type == "message" && threadTs is not null && !text.Contains("<@", StringComparison.Ordinal))
        {
            // In channels the bot only listens for the cancel keyword in threads; a mention arrives as app_mention.
            parsed = CommandParser.ParseMessage(text);
            if (parsed.Command is not CancelMonitorCommand) return null;
        }
        else
        {
            return null;
        }

        var thread = parsed.Command switch
        {
            // In a DM the conversation itself is the thread; in a channel the answer threads under the question.
            AgentTaskCommand => isDirect ? threadTs : threadTs ?? ts,
            CancelMonitorCommand => threadTs,
            _ => null,
        };
        return new SlackInboundMessage(eventId, new ChatAddress(ChatPlatform.Slack, team, channel, thread), new ChatUser(user), parsed, isDirect);
    }

    /// <summary>The bot's own user id, which Slack lists in the event's authorizations.</summary>
    private static string? BotUserId(JsonNode envelope) =>
        Field(envelope, "authorizations") is JsonArray { Count: > 0 } authorizations ? Text(authorizations[0], "user_id") : null;

    /// <summary>"hey &lt;@BOT&gt; do x" → "hey  do x"; the parser strips other leading mentions itself.</summary>
    private static string StripBotMention(string text, string? botUserId)
    {
        if (botUserId is null) return text;
        var mention = $"<@{botUserId}>";
        return text.Replace(mention, " ", StringComparison.Ordinal).Trim();
    }
}
