using System.Text.Json;
using ChatBot.Slack.Payloads;
using ChatBot.Slack.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// POST /slack/events (Events API): answers the url_verification handshake, which only the HTTP transport has,
/// and hands callbacks to <see cref="EventCallbackHandler"/>.
/// </summary>
internal static class EventsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, EventCallbackHandler handler, ILogger<EventCallbackHandler> logger, CancellationToken ct)
    {
        var body = (byte[])http.Items[SlackSignatureFilter.RawBodyItem]!;
        SlackEventEnvelope? envelope;
        try
        {
            envelope = SlackPayloadReader.Read(body, SlackPayloadContext.Default.SlackEventEnvelope);
        }
        catch (JsonException)
        {
            return SlackErrors.Result(400, "INVALID_JSON", "The event body is not valid JSON.");
        }
        // A signed body that is valid JSON but not an object (e.g. an array) carries nothing for us.
        if (envelope is null) return Results.Ok();

        if (envelope.Type == SlackEventEnvelope.UrlVerification)
            return Results.Json(new { challenge = SlackPayloadReader.Read(body, SlackPayloadContext.Default.SlackUrlVerification)?.Challenge ?? "" });

        return SlackHttpAnswer.From(http, await handler.HandleAsync(envelope, ct), logger);
    }
}
