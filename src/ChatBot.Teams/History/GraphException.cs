using System.Net;

namespace ChatBot.Teams.History;

/// <summary>Microsoft Graph refused a request; <see cref="ErrorCode"/> is its <c>error.code</c> (e.g. Forbidden, InvalidAuthenticationToken).</summary>
public sealed class GraphException(HttpStatusCode status, string? errorCode, string message) : HttpRequestException(message, null, status)
{
    public string? ErrorCode { get; } = errorCode;
}
