using ChatBot.Slack.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatBot.Slack.Inbound;

/// <summary>An outcome as the HTTP endpoints answer it: 400 for a rejection, the body as JSON, else an empty 200; follow-ups after the response.</summary>
internal static class SlackHttpAnswer
{
    public static IResult From(HttpContext http, SlackInboundOutcome outcome, ILogger logger)
    {
        foreach (var followUp in outcome.FollowUps) http.Response.OnCompleted(() => followUp.RunAsync(logger));
        if (outcome.Rejection is { } rejection) return SlackErrors.Result(400, rejection.Code, rejection.Message);
        return outcome.Body is { } body ? Results.Json(body) : Results.Ok();
    }
}
