using ChatBot.Http.Errors;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Slack.Verification;

/// <summary>The project's one error shape, with the request's correlation id, for the Slack endpoints' refusals.</summary>
internal static class SlackErrors
{
    public static IResult Result(int status, string code, string message) => new ApiProblem(status, code, message);
}
