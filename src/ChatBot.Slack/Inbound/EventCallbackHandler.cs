using System.Text.Json.Nodes;
using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Slack.Messaging;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// An Events API callback, whether it came over HTTP or as a Socket Mode events_api payload (the same JSON):
/// mentions, DMs and <c>cancelmonitor</c> thread replies go to the inbox with the event_id as delivery id, so
/// Slack's retries are no-ops. Anything not for the bot is acknowledged and dropped. Replies (e.g. a parse
/// error) reach the user as an ephemeral message after the acknowledgement.
/// </summary>
internal sealed class EventCallbackHandler(IChatInbox inbox, SlackMessenger messenger)
{
    public async Task<SlackInboundOutcome> HandleAsync(JsonNode envelope, CancellationToken ct)
    {
        if (envelope["type"] is not JsonValue type || !type.TryGetValue<string>(out var kind) || kind != "event_callback"
            || SlackEventClassifier.Classify(envelope) is not { } message)
            return SlackInboundOutcome.Acknowledged();

        ChatView? reply;
        if (!message.Parsed.IsSuccess)
        {
            reply = new TextView(message.Parsed.Error!);
        }
        else
        {
            var result = await inbox.HandleCommandAsync(
                new CommandInvocation(message.DeliveryId, message.Address, message.User, message.Parsed.Command!, message.IsDirectMessage), ct);
            reply = result.Reply;
        }

        var outcome = SlackInboundOutcome.Acknowledged();
        if (reply is not null)
            outcome.Then("ephemeral reply to an event", token => messenger.PostEphemeralAsync(message.Address, message.User, reply, token));
        return outcome;
    }
}
