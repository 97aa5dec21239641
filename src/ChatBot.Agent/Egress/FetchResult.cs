namespace ChatBot.Agent.Egress;

/// <summary>One fetched resource after redirects. <see cref="NotModified"/> answers a conditional GET.</summary>
public sealed record FetchResult(
    Uri FinalUrl,
    int StatusCode,
    string? ContentType,
    string Body,
    bool Truncated,
    string? ETag,
    string? LastModified)
{
    public bool NotModified => StatusCode == 304;

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}
