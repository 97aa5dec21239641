namespace ChatBot.Teams;

/// <summary>
/// The <c>Teams</c> section (CONFIG.md). Without an app id Teams runs in local mode (a test client on this machine,
/// no tokens either way); with an app id but no password it is not connected and the endpoint answers 503.
/// </summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ConnectorScope = "https://api.botframework.com/.default";
    public const string GraphScope = "https://graph.microsoft.com/.default";
    public const string DefaultGraphBaseUrl = "https://graph.microsoft.com/v1.0/";

    public string? AppId { get; set; }
    public string? AppPassword { get; set; }
    public string? TenantId { get; set; }
    public string OpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;

    /// <summary>The OAuth token endpoint for outbound connector tokens; defaults to the tenant's (or botframework.com's) Entra endpoint.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Teams user ids (the <c>29:…</c> or AAD object id) treated as workspace admins, who may approve.</summary>
    public List<string> AdminIds { get; set; } = [];

    /// <summary>Service URL hosts trusted without having been seen on an inbound activity (after a restart, for instance).</summary>
    public List<string> TrustedServiceHosts { get; set; } = ["smba.trafficmanager.net", "botframework.com", "botframework.azure.us", "teams.microsoft.com"];

    /// <summary>Microsoft Graph, for channel history (<c>teams:history</c>); another cloud's Graph or a test double.</summary>
    public string GraphBaseUrl { get; set; } = DefaultGraphBaseUrl;

    public int ConnectorMaxAttempts { get; set; } = 4;
    public TimeSpan ConnectorRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppPassword);

    /// <summary>
    /// No app id: activities are taken without a token, but only from a loopback caller with a loopback service URL,
    /// and answered there without a token, as the local test clients expect. An app id switches this off entirely.
    /// </summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(AppId);

    /// <summary>The MSAL authority: the token endpoint without its <c>/oauth2/v2.0/token</c> tail.</summary>
    public string Authority
    {
        get
        {
            var endpoint = TokenEndpoint;
            if (string.IsNullOrWhiteSpace(endpoint))
                return $"https://login.microsoftonline.com/{(string.IsNullOrWhiteSpace(TenantId) ? "botframework.com" : TenantId)}";
            var tail = endpoint.IndexOf("/oauth2/", StringComparison.OrdinalIgnoreCase);
            return (tail < 0 ? endpoint : endpoint[..tail]).TrimEnd('/');
        }
    }

    /// <summary>The same authority in another tenant: app-only Graph tokens must come from the tenant whose data is read.</summary>
    public string AuthorityFor(string tenantId)
    {
        var authority = Authority;
        var lastSlash = authority.LastIndexOf('/');
        return authority[..(lastSlash + 1)] + Uri.EscapeDataString(tenantId);
    }
}
