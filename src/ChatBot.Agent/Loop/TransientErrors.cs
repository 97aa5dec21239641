using System.ClientModel;
using ChatBot.Agent.Egress;

namespace ChatBot.Agent.Loop;

/// <summary>Which provider failures are worth another attempt: timeouts, dropped connections, 408, 429 and 5xx.</summary>
public static class TransientErrors
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        EgressDeniedException => false,
        ClientResultException { Status: var status } => status == 0 || IsTransientStatus(status),
        HttpRequestException { StatusCode: { } status } => IsTransientStatus((int)status),
        HttpRequestException or TimeoutException or TaskCanceledException or IOException => true,
        _ => StatusOf(exception) is { } status ? IsTransientStatus(status) : exception.InnerException is { } inner && IsTransient(inner),
    };

    private static bool IsTransientStatus(int status) => status is 408 or 409 or 425 or 429 or >= 500;

    // SDKs other than OpenAI's carry the HTTP status on their own exception types.
    private static int? StatusOf(Exception exception) =>
        exception.GetType().GetProperty("StatusCode")?.GetValue(exception) switch
        {
            System.Net.HttpStatusCode code => (int)code,
            int code => code,
            _ => null,
        };
}
