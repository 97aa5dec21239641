namespace ChatBot.Core.Monitors;

/// <summary>One material change: a summary, its sources, and (for monitors with an output schema) a JSON result.</summary>
public sealed record MonitorDetection(string Summary, IReadOnlyList<string> SourceUrls, DateOnly? EventDate, string? ResultJson = null);
