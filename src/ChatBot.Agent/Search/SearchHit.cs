namespace ChatBot.Agent.Search;

/// <summary>One web search result.</summary>
public sealed record SearchHit(string Title, string Url, string Snippet, DateOnly? Published);
