namespace ChatBot.Agent.Egress;

/// <summary>What to fetch; the validators make it a conditional GET.</summary>
public sealed record FetchRequest(Uri Url, string? IfNoneMatch = null, string? IfModifiedSince = null)
{
    public HttpMethod Method { get; init; } = HttpMethod.Get;

    public string? Body { get; init; }

    public string? BodyContentType { get; init; }
}
