using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Slack.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// Decides which Events API callbacks are addressed to the bot and turns them into parsed commands, following
/// the playground's flow: a task is answered in a thread under the message that asked, a <c>cancelmonitor</c>
/// reply names its monitor by thread, other commands answer in the channel. Everything else is ignored:
/// bot messages (ours included, which would loop), edits, joins and other subtypes, and ordinary channel chatter.
/// </summary>
internal static class SlackEventClassifier
{
    public static SlackInboundMessage? Classify(SlackEventEnvelope envelope)
    {
        if (envelope.Event is not { } ev) return null;
        if (ev.BotId is not null || ev.Subtype is not null) return null;

        var eventId = envelope.EventId;
        var team = envelope.TeamId ?? ev.Team;
        var channel = ev.Channel;
        var user = ev.User;
        var ts = ev.Ts;
        if (eventId is null || team is null || channel is null || user is null || ts is null) return null;

        var threadTs = ev.ThreadTs;
        var text = SlackInboundText.ToPlainText(StripBotMention(ev.Text ?? "", BotUserId(envelope)));
        var isDirect = ev.Type == SlackEvent.Message && ev.ChannelType == "im";

        CommandParseResult parsed;
        if (ev.Type == SlackEvent.AppMention || isDirect)
        {
            parsed = CommandParser.ParseMessage(text);
        }
        else if (ev.Type == SlackEvent.Message && threadTs is not null && !text.Contains("<@", StringComparison.Ordinal))
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
    private static string? BotUserId(SlackEventEnvelope envelope) =>
        envelope.Authorizations is { Count: > 0 } authorizations ? authorizations[0]?.UserId : null;

    /// <summary>"hey &lt;@BOT&gt; do x" → "hey  do x"; the parser strips other leading mentions itself.</summary>
    private static string StripBotMention(string text, string? botUserId)
    {
        if (botUserId is null) return text;
        var mention = $"<@{botUserId}>";
        return text.Replace(mention, " ", StringComparison.Ordinal).Trim();
    }
}
