using ChatBot.Server.Errors;

namespace ChatBot.Server.Api.Trigger;

/// <summary>Why a trigger started no run, as the API answers it (status, code, message; a spend cap adds its reset).</summary>
public sealed record TriggerRefusal(int Status, string Code, string Message, DateTimeOffset? ResetsAt = null)
{
    public ApiProblem ToResult() =>
        ResetsAt is { } resetsAt ? ApiErrors.SpendCapReached(Message, resetsAt) : ApiErrors.Result(Status, Code, Message);
}
