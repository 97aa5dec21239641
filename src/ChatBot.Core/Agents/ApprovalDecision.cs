namespace ChatBot.Core.Agents;

/// <summary>The answer to a paused tool call: run it (approved) or tell the model it was refused.</summary>
public sealed record ApprovalDecision(string ToolCallId, bool Approved, string DecidedBy);
