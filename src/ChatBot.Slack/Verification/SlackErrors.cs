using Microsoft.AspNetCore.Http;

namespace ChatBot.Slack.Verification;

/// <summary>The project's one error shape (<c>{"error","code","status"}</c>) for the Slack endpoints' refusals.</summary>
internal static class SlackErrors
{
    public static IResult Result(int status, string code, string message) =>
        Results.Json(new { error = message, code, status }, statusCode: status);
}
