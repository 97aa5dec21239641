using System.Net;

namespace ChatBot.Teams.Connector;

/// <summary>The connector refused a request; <see cref="ErrorCode"/> is its <c>error.code</c> (e.g. BotNotInConversationRoster).</summary>
public sealed class ConnectorException(HttpStatusCode status, string? errorCode, string message) : HttpRequestException(message, null, status)
{
    public string? ErrorCode { get; } = errorCode;
}
