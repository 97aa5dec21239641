using System.Text;
using System.Text.Json;
using ChatBot.Slack.Payloads;
using ChatBot.Slack.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>POST /slack/interactions: the form's <c>payload</c> field is JSON, handled by <see cref="InteractionHandler"/>.</summary>
internal static class InteractionsEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, InteractionHandler handler, ILogger<InteractionHandler> logger, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        SlackInteraction? payload;
        try
        {
            payload = SlackPayloadReader.Read(Encoding.UTF8.GetBytes(form["payload"].ToString()), SlackPayloadContext.Default.SlackInteraction);
        }
        catch (JsonException)
        {
            return SlackErrors.Result(400, "INVALID_PAYLOAD", "The interaction payload is not valid JSON.");
        }
        return SlackHttpAnswer.From(http, await handler.HandleAsync(payload, ct), logger);
    }
}
