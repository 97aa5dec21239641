using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatBot.Teams.Connector;

/// <summary>
/// Connector bearer tokens by client credentials (app id + password) through MSAL, which caches them until
/// shortly before they expire. Authority from <c>Teams__TokenEndpoint</c>, else the tenant's Entra endpoint.
/// </summary>
public sealed class ConnectorTokenProvider
{
    private readonly Lazy<IConfidentialClientApplication> _app;

    public ConnectorTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory clients)
    {
        var settings = options.Value;
        _app = new Lazy<IConfidentialClientApplication>(() => ConfidentialClientApplicationBuilder
            .Create(settings.AppId)
            .WithClientSecret(settings.AppPassword)
            // The endpoint comes from configuration (sovereign clouds, test doubles): use it as given, no discovery.
            .WithAuthority(settings.Authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(clients))
            .Build());
    }

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        var result = await _app.Value.AcquireTokenForClient([TeamsOptions.ConnectorScope]).ExecuteAsync(ct);
        return result.AccessToken;
    }
}
