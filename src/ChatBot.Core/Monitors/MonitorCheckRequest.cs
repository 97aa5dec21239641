namespace ChatBot.Core.Monitors;

/// <summary>One check of one monitor. The state is the checker's own opaque JSON from the previous check.</summary>
public sealed record MonitorCheckRequest(string MonitorId, string Query, MonitorKind Kind, string? OutputSchema, string? PreviousState);
