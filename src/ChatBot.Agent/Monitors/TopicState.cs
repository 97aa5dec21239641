namespace ChatBot.Agent.Monitors;

/// <summary>What a topic monitor keeps between checks: the URLs already reported, so a story is told once.</summary>
public sealed record TopicState(IReadOnlyList<string> Reported);
