namespace ChatBot.Core.Agents;

/// <summary>A tool call waiting for a person: what it is, in words (<see cref="ActionText"/>), and what it would cost.</summary>
public sealed record PendingToolCall(string ToolCallId, string ToolName, string ArgumentsJson, string ActionText, int EstimatedCredits);
