using Microsoft.Identity.Client;

namespace ChatBot.Teams.Connector;

/// <summary>Lets MSAL make its token requests through <see cref="IHttpClientFactory"/> instead of its own HttpClient.</summary>
public sealed class MsalHttpClientFactory(IHttpClientFactory clients) : IMsalHttpClientFactory
{
    public const string HttpClientName = "ChatBot.Teams.Tokens";

    public HttpClient GetHttpClient() => clients.CreateClient(HttpClientName);
}
