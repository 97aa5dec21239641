using System.Collections.Concurrent;
using ChatBot.Teams.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ChatBot.Teams.Auth;

/// <summary>
/// App-only bearer tokens for the bot's Entra app (app id + password, client credentials) through MSAL, which caches
/// them until shortly before they expire: Bot Connector tokens from the configured authority, Microsoft Graph tokens
/// from the tenant whose data is read (a multi-tenant bot's Graph token must come from the customer's tenant).
/// </summary>
public sealed class EntraTokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory clients)
{
    // One MSAL application per authority: each keeps its own token cache.
    private readonly ConcurrentDictionary<string, Lazy<IConfidentialClientApplication>> _apps = new(StringComparer.OrdinalIgnoreCase);

    public Task<string> GetConnectorTokenAsync(CancellationToken ct) =>
        GetTokenAsync(options.Value.Authority, TeamsOptions.ConnectorScope, ct);

    public Task<string> GetGraphTokenAsync(string tenantId, CancellationToken ct) =>
        GetTokenAsync(options.Value.AuthorityFor(tenantId), TeamsOptions.GraphScope, ct);

    private async Task<string> GetTokenAsync(string authority, string scope, CancellationToken ct)
    {
        var app = _apps.GetOrAdd(authority, a => new Lazy<IConfidentialClientApplication>(() => Build(a))).Value;
        var result = await app.AcquireTokenForClient([scope]).ExecuteAsync(ct);
        return result.AccessToken;
    }

    private IConfidentialClientApplication Build(string authority)
    {
        var settings = options.Value;
        return ConfidentialClientApplicationBuilder
            .Create(settings.AppId)
            .WithClientSecret(settings.AppPassword)
            // The endpoint comes from configuration (sovereign clouds, test doubles): use it as given, no discovery.
            .WithAuthority(authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(clients))
            .Build();
    }
}
