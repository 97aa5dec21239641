using System.Text.Json;
using System.Text.Json.Nodes;
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
        JsonNode? envelope;
        try
        {
            envelope = JsonNode.Parse((byte[])http.Items[SlackSignatureFilter.RawBodyItem]!);
        }
        catch (JsonException)
        {
            return SlackErrors.Result(400, "INVALID_JSON", "The event body is not valid JSON.");
        }
        // A signed body that is valid JSON but not an object (e.g. an array) carries nothing for us.
        if (envelope is not JsonObject) return Results.Ok();

        if (SlackJson.Text(envelope, "type") == "url_verification")
            return Results.Json(new { challenge = SlackJson.Text(envelope, "challenge") ?? "" });

        return SlackHttpAnswer.From(http, await handler.HandleAsync(envelope, ct), logger);
    }
}
