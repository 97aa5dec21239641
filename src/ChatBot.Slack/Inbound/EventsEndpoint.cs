using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// POST /slack/events (Events API): answers the url_verification handshake, and hands mentions, DMs and
/// <c>cancelmonitor</c> thread replies to the inbox with the event_id as delivery id, so Slack's retries are
/// no-ops. Anything not for the bot is acknowledged and dropped. Replies (e.g. a parse error) reach the user
/// as an ephemeral message after the 200.
/// </summary>
internal static class EventsEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, IChatInbox inbox, SlackMessenger messenger, ILoggerFactory loggers, CancellationToken ct)
    {
        JsonNode? envelope;
        try
        {
            envelope = JsonNode.Parse((byte[])http.Items[SlackSignatureFilter.RawBodyItem]!);
        }
        catch (JsonException)
        {
            return SlackErrors.Result(400, "INVALID_JSON", "The event body is not valid JSON.");
        }

        switch (envelope?["type"]?.GetValue<string>())
        {
            case "url_verification":
                return Results.Json(new { challenge = envelope["challenge"]?.GetValue<string>() ?? "" });
            case "event_callback":
                break;
            default:
                return Results.Ok();
        }

        if (SlackEventClassifier.Classify(envelope) is not { } message) return Results.Ok();

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

        if (reply is not null)
        {
            SlackFollowUp.AfterResponse(http, loggers.CreateLogger(typeof(EventsEndpoint)), "ephemeral reply to an event",
                token => messenger.PostEphemeralAsync(message.Address, message.User, reply, token));
        }
        return Results.Ok();
    }
}
