using Microsoft.Extensions.AI;

namespace ChatBot.Agent.Tools;

/// <summary>
/// A tool the model may call. <see cref="Id"/> is the <c>family:verb</c> recorded in <c>tools_used</c>.
/// A <see cref="Function"/> wrapped in <see cref="ApprovalRequiredAIFunction"/> pauses the run for a person's
/// decision; <see cref="Describe"/> turns its arguments into the action text they approve ("Send email to …").
/// Output of tools that read the outside world is <see cref="Untrusted"/>: the model gets it as data.
/// </summary>
public sealed record AgentTool(
    string Id,
    AIFunction Function,
    Func<AIFunctionArguments, string> Describe,
    bool Untrusted,
    int Credits = 1)
{
    public string Name => Function.Name;

    public bool NeedsApproval => Function is ApprovalRequiredAIFunction;
}
