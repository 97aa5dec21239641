namespace ChatBot.Core.Monitors;

/// <summary>What a check found (nothing, when nothing material changed) and the state to keep for the next one.</summary>
public sealed record MonitorCheckResult(IReadOnlyList<MonitorDetection> Detections, string? NewState, int CreditsUsed);
