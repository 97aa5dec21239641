namespace ChatBot.Agent.Monitors;

/// <summary>What a feed monitor keeps between checks: the items already seen and the validators.</summary>
public sealed record FeedState(string? ETag, string? LastModified, IReadOnlyList<string> Seen);
