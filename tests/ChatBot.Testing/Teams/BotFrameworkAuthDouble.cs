using ChatBot.Testing.Hosting;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatBot.Testing.Teams;

/// <summary>
/// The Bot Framework's token issuer, locally: an OpenID metadata document and a JWKS with a test RSA key endorsed
/// for <c>msteams</c> (and one endorsed only for <c>webchat</c>), plus a minting method for good and bad tokens.
/// Point <c>Teams__OpenIdMetadataUrl</c> at <see cref="MetadataUrl"/>.
/// </summary>
public sealed class BotFrameworkAuthDouble : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string TeamsKeyId = "teams-key";
    public const string WebChatKeyId = "webchat-key";

    private readonly WebApplication _app;
    private readonly Dictionary<string, (RSA Key, string[] Endorsements)> _published = new();
    private readonly Lock _lock = new();
    private int _metadataRequests;

    private BotFrameworkAuthDouble(WebApplication app)
    {
        _app = app;
        Publish(TeamsKeyId, "msteams");
        Publish(WebChatKeyId, "webchat");
    }

    public Uri BaseUrl { get; private set; } = null!;

    public string MetadataUrl => new Uri(BaseUrl, "/v1/.well-known/openidconfiguration").ToString();

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>Adds a signing key to the JWKS (a key rotation).</summary>
    public void Publish(string kid, params string[] endorsements)
    {
        lock (_lock) _published[kid] = (RSA.Create(2048), endorsements);
    }

    public static async Task<BotFrameworkAuthDouble> StartAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var double_ = new BotFrameworkAuthDouble(app);
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref double_._metadataRequests);
            return Results.Json(new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = new Uri(double_.BaseUrl, "/v1/authorize").ToString(),
                ["jwks_uri"] = new Uri(double_.BaseUrl, "/v1/keys").ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/v1/keys", () => Results.Json(double_.Jwks()));
        await app.StartAsync();
        double_.BaseUrl = LoopbackServer.AddressOf(app);
        return double_;
    }

    /// <summary>
    /// A token as the Bot Framework would send it; each parameter can be bent to make a bad one. A <paramref name="kid"/>
    /// that was never published signs with a throwaway key (an unknown key).
    /// </summary>
    public string Mint(string audience, string? serviceUrl, string issuer = Issuer, string kid = TeamsKeyId, DateTimeOffset? expires = null)
    {
        RSA key;
        lock (_lock) key = _published.TryGetValue(kid, out var published) ? published.Key : RSA.Create(2048);
        var expiry = expires ?? DateTimeOffset.UtcNow.AddMinutes(30);
        var claims = new Dictionary<string, object> { ["appid"] = "bot-framework-channel" };
        if (serviceUrl is not null) claims["serviceurl"] = serviceUrl;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1).UtcDateTime,
            NotBefore = expiry.AddHours(-1).UtcDateTime,
            Expires = expiry.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    private JsonObject Jwks()
    {
        var keys = new JsonArray();
        lock (_lock)
        {
            foreach (var (kid, (key, endorsements)) in _published)
            {
                var parameters = key.ExportParameters(false);
                keys.Add(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = kid,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                    ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)e)]),
                });
            }
        }
        return new JsonObject { ["keys"] = keys };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
