using ChatBot.Core.Chat;

namespace ChatBot.Core.Agents;

/// <summary>
/// Everything the agent needs for one attempt of a run. A resumed run carries the <see cref="Transcript"/> it
/// saved when it paused and the <see cref="Decision"/> on its pending tool call.
/// </summary>
public sealed record AgentRequest(
    string RunId,
    string WorkspaceId,
    string Task,
    ChatAddress? Address,
    ChatUser? RequestedBy,
    string? Timezone,
    string? Transcript = null,
    ApprovalDecision? Decision = null);
