namespace ChatBot.Testing.Teams;

/// <summary>One call the bot made to the Graph double: the decoded path, the raw query string and the Authorization header.</summary>
public sealed record GraphRequest(string Path, string Query, string? Authorization)
{
    public bool IsDelta => Path.EndsWith("/messages/delta", StringComparison.Ordinal);
    public bool IsDeltaResume => IsDelta && Query.Contains("$deltatoken=", StringComparison.Ordinal);
}
