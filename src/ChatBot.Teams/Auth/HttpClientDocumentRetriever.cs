using Microsoft.IdentityModel.Protocols;

namespace ChatBot.Teams.Auth;

/// <summary>Fetches the OpenID metadata and JWKS through <see cref="IHttpClientFactory"/> (tests point it at a local double).</summary>
public sealed class HttpClientDocumentRetriever(IHttpClientFactory clients, bool requireHttps) : IDocumentRetriever
{
    public const string HttpClientName = "ChatBot.Teams.OpenId";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (requireHttps && !address.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"Refusing to fetch signing metadata over plain HTTP: {address}");
        using var client = clients.CreateClient(HttpClientName);
        using var response = await client.GetAsync(address, cancel);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel);
    }
}
