using ChatBot.Teams.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Teams.Auth;

/// <summary>
/// Validates the Bot Framework's bearer token on an inbound activity, per the Bot Connector authentication spec:
/// RS256 signature by a key from the OpenID metadata's JWKS (refreshed once when an unknown kid shows up), issuer
/// https://api.botframework.com, audience = our app id, lifetime with 5 minutes of skew, the <c>serviceurl</c>
/// claim equal to the activity's serviceUrl, and the signing key endorsing the activity's channelId.
/// </summary>
public sealed class BotFrameworkTokenValidator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly IConfigurationRetriever<OpenIdConnectConfiguration> _retriever = new OpenIdConnectConfigurationRetriever();
    private readonly IDocumentRetriever _documents;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private OpenIdConnectConfiguration? _refreshed;
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    /// <summary>How often an unknown kid may make us fetch the metadata again: rotation is rare, forged kids are not.</summary>
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromSeconds(30);

    public BotFrameworkTokenValidator(IOptions<TeamsOptions> options, IHttpClientFactory clients, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        var url = _options.OpenIdMetadataUrl;
        var requireHttps = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        _documents = new HttpClientDocumentRetriever(clients, requireHttps);
        // Cached by the manager (refreshed daily); an unknown kid also triggers one immediate fetch, see below.
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(url, _retriever, _documents);
    }

    public async Task<TokenCheck> ValidateAsync(string? authorization, Activity activity, CancellationToken ct)
    {
        const string prefix = "Bearer ";
        if (authorization is null || !authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return TokenCheck.Fail("missing bearer token");
        var raw = authorization[prefix.Length..].Trim();
        if (!_handler.CanReadToken(raw)) return TokenCheck.Fail("unreadable token");
        string? kid;
        try
        {
            kid = _handler.ReadJsonWebToken(raw).Kid;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or System.Text.Json.JsonException or FormatException)
        {
            // Three dots make a token "readable"; its header may still be no base64url JSON at all.
            return TokenCheck.Fail("malformed token");
        }
        if (string.IsNullOrEmpty(kid)) return TokenCheck.Fail("token has no kid");

        JsonWebKey? key;
        try
        {
            key = KeyOf(await _metadata.GetConfigurationAsync(ct), kid) ?? KeyOf(_refreshed, kid) ?? await RefreshedKeyAsync(kid, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TokenCheck.Fail("signing metadata unavailable: " + ex.Message);
        }
        if (key is null) return TokenCheck.Fail($"unknown signing key {kid}");

        var result = await _handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            ValidIssuer = TeamsOptions.BotFrameworkIssuer,
            ValidAudience = _options.AppId,
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidLifetime,
        });
        if (!result.IsValid) return TokenCheck.Fail(result.Exception?.Message ?? "invalid token");

        var claimedServiceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        if (claimedServiceUrl is null || activity.ServiceUrl is null
            || !string.Equals(TrustedServiceUrls.Normalize(claimedServiceUrl), TrustedServiceUrls.Normalize(activity.ServiceUrl), StringComparison.OrdinalIgnoreCase))
            return TokenCheck.Fail("serviceurl claim does not match the activity");

        if (string.IsNullOrEmpty(activity.ChannelId) || !KeyEndorsements.Endorses(key, activity.ChannelId))
            return TokenCheck.Fail($"signing key is not endorsed for channel '{activity.ChannelId}'");
        return TokenCheck.Valid;
    }

    /// <summary>
    /// Keys rotate: an unknown kid is worth fetching the metadata now (the manager's own refresh runs in the
    /// background and would answer this request with the stale keys), at most once per <see cref="MinimumRefreshInterval"/>.
    /// </summary>
    private async Task<JsonWebKey?> RefreshedKeyAsync(string kid, CancellationToken ct)
    {
        await _refreshLock.WaitAsync(ct);
        try
        {
            if (KeyOf(_refreshed, kid) is { } known) return known;
            var now = _time.GetUtcNow();
            if (now - _lastRefresh < MinimumRefreshInterval) return null;
            _lastRefresh = now;
            _metadata.RequestRefresh();
            _refreshed = await OpenIdConnectConfigurationRetriever.GetAsync(_options.OpenIdMetadataUrl, _documents, ct);
            return KeyOf(_refreshed, kid);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private static JsonWebKey? KeyOf(OpenIdConnectConfiguration? metadata, string kid) =>
        metadata?.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);

    /// <summary>Lifetime against the injected clock, so tests and the server agree on "now".</summary>
    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null || now > expires.Value.ToUniversalTime() + ClockSkew) return false;
        return notBefore is null || now >= notBefore.Value.ToUniversalTime() - ClockSkew;
    }
}
