using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Slack.Api;
using ChatBot.Slack.Install;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Payloads;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// An Events API callback, whether it came over HTTP or as a Socket Mode events_api payload (the same JSON):
/// mentions, DMs and <c>cancelmonitor</c> thread replies go to the inbox with the event_id as delivery id, so
/// Slack's retries are no-ops. Anything not for the bot is acknowledged and dropped. Replies (e.g. a parse
/// error) reach the user as an ephemeral message after the acknowledgement.
/// </summary>
internal sealed class EventCallbackHandler(IChatInbox inbox, SlackMessenger messenger, ISlackInstallationStore installations, SlackBotTokens tokens)
{
    public async Task<SlackInboundOutcome> HandleAsync(SlackEventEnvelope? envelope, CancellationToken ct)
    {
        if (envelope?.Type != SlackEventEnvelope.EventCallback)
            return SlackInboundOutcome.Acknowledged();
        if (RevokesBotToken(envelope.Event) && envelope.TeamId is { } team)
        {
            // The stored token is dead; keeping it would only turn every later call into invalid_auth.
            await installations.RemoveAsync(team, ct);
            tokens.Forget(team);
            return SlackInboundOutcome.Acknowledged();
        }
        if (SlackEventClassifier.Classify(envelope) is not { } message)
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

    /// <summary>app_uninstalled, or tokens_revoked naming bot tokens (user tokens alone don't concern us).</summary>
    private static bool RevokesBotToken(SlackEvent? ev) => ev?.Type switch
    {
        SlackEvent.AppUninstalled => true,
        SlackEvent.TokensRevoked => ev.Tokens?.Bot is { Count: > 0 },
        _ => false,
    };
}
