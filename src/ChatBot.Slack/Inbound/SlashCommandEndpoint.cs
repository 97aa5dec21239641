using ChatBot.Slack.Payloads;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>POST /slack/commands: the form's fields go to <see cref="SlashCommandHandler"/>; its answer is the response body.</summary>
internal static class SlashCommandEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, SlashCommandHandler handler, ILogger<SlashCommandHandler> logger, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        return SlackHttpAnswer.From(http, await handler.HandleAsync(SlackSlashCommand.FromForm(form), ct), logger);
    }
}
