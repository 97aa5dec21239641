namespace ChatBot.Agent.Monitors;

/// <summary>What a page monitor keeps between checks: the validators for a conditional GET and the last readable text.</summary>
public sealed record PageState(string? ETag, string? LastModified, string Text);
