namespace ChatBot.Core.Agents;

/// <summary>
/// How an agent attempt ended. Usage (<see cref="CreditsUsed"/>, <see cref="ToolsUsed"/>) is what this attempt
/// consumed, reported on every outcome because failed work is still charged.
/// </summary>
public abstract record AgentOutcome(int CreditsUsed, IReadOnlyList<string> ToolsUsed, string? ModelUsed);

/// <summary>The model finished: the receipt's headline and outcome, and the full answer.</summary>
public sealed record AgentCompleted(string Headline, string Summary, string Output, int CreditsUsed, IReadOnlyList<string> ToolsUsed, string? ModelUsed)
    : AgentOutcome(CreditsUsed, ToolsUsed, ModelUsed);

/// <summary>
/// The model asked for a tool that needs approval. The run stores <see cref="Transcript"/>, posts the request
/// and frees its worker; the decision resumes it.
/// </summary>
public sealed record AgentNeedsApproval(PendingToolCall Call, string Transcript, int CreditsUsed, IReadOnlyList<string> ToolsUsed, string? ModelUsed)
    : AgentOutcome(CreditsUsed, ToolsUsed, ModelUsed);

/// <summary>
/// The attempt failed. <see cref="Transient"/> failures (timeouts, 429/5xx from the provider) are retried by
/// the job's retry policy; others end the run at once.
/// </summary>
public sealed record AgentFailed(string Reason, bool Transient, int CreditsUsed, IReadOnlyList<string> ToolsUsed, string? ModelUsed)
    : AgentOutcome(CreditsUsed, ToolsUsed, ModelUsed);
