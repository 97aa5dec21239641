using ChatBot.Testing.Hosting;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Teams;

/// <summary>
/// The Bot Connector service and the Entra token endpoint (which also issues Graph tokens), locally over HTTPS (MSAL insists on it): records every
/// activity and token request, answers client_credentials with a bearer token, and can fail the next activity
/// requests with scripted statuses. Use <see cref="BaseUrl"/> as the activities' serviceUrl and
/// <see cref="TokenEndpoint"/> as <c>Teams__TokenEndpoint</c>; the bot's HTTP clients need <see cref="CreateTrustingHandler"/>.
/// </summary>
public sealed class BotConnectorDouble : IAsyncDisposable
{
    public const string AccessToken = "connector-test-token";

    private readonly WebApplication _app;
    private int _nextId;

    private BotConnectorDouble(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri BaseUrl { get; private set; } = null!;

    public string ServiceUrl => BaseUrl.ToString();

    public string TokenEndpoint => new Uri(BaseUrl, "/botframework.com/oauth2/v2.0/token").ToString();

    public ConcurrentQueue<ConnectorRequest> Requests { get; } = new();

    public ConcurrentQueue<TokenRequest> TokenRequests { get; } = new();

    /// <summary>Statuses (with an optional connector error code) for the next activity requests, one each.</summary>
    public ConcurrentQueue<(int Status, string? Code)> Failures { get; } = new();

    /// <summary>While set, activity requests are recorded at once but answered only when this task completes: shows
    /// that whoever made the bot send (an inbound activity's HTTP answer) does not wait for the connector.</summary>
    public Task? Hold { get; set; }

    /// <summary>While set, replies in a chain are recorded and answered 500: a connector failing the bot's replies.</summary>
    public bool RepliesFail { get; set; }

    /// <summary>The activity requests answered with success: what landed in the conversation.</summary>
    public ConcurrentQueue<ConnectorRequest> Landed { get; } = new();

    /// <summary>The double's certificate as PEM, for a server process that is to trust it (<c>SSL_CERT_FILE</c>).</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    public static async Task<BotConnectorDouble> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = LoopbackServer.CreateBuilder(certificate);
        var app = builder.Build();
        var connector = new BotConnectorDouble(app, certificate);
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext http, string tenant) =>
        {
            var form = await http.Request.ReadFormAsync();
            connector.TokenRequests.Enqueue(new TokenRequest(tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            if (form["grant_type"] != "client_credentials") return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            // Graph gets its own token, so a test can tell a Graph call from one made with the connector's token.
            var token = form["scope"].ToString().Contains("graph.microsoft.com", StringComparison.Ordinal) ? GraphDouble.AccessToken : AccessToken;
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = token });
        });
        app.MapPost("/v3/conversations", (Func<HttpContext, Task<IResult>>)(http => connector.RecordAsync(http, "create", "", null)));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext http, string conversationId) => connector.RecordAsync(http, "send", conversationId, null));
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) => connector.RecordAsync(http, "reply", conversationId, activityId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext http, string conversationId, string activityId) => connector.RecordAsync(http, "update", conversationId, activityId));
        await app.StartAsync();
        connector.BaseUrl = LoopbackServer.AddressOf(app);
        return connector;
    }

    public IEnumerable<ConnectorRequest> OfKind(string kind) => Requests.Where(r => r.Kind == kind);

    /// <summary>Waits until at least <paramref name="count"/> activity requests have arrived (bots send from jobs, after answering).</summary>
    public async Task<IReadOnlyList<ConnectorRequest>> WaitForRequestsAsync(int count = 1, string? kind = null)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(Requests.Count(r => kind is null || r.Kind == kind) >= count),
            what: $"{count} connector request(s){(kind is null ? "" : " of kind " + kind)}");
        return Requests.Where(r => kind is null || r.Kind == kind).ToList();
    }

    private async Task<IResult> RecordAsync(HttpContext http, string kind, string conversationId, string? activityId)
    {
        var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
        var request = new ConnectorRequest(kind, conversationId, activityId, http.Request.Headers.Authorization, body);
        Requests.Enqueue(request);
        if (Hold is { } hold) await hold;
        if (kind == "reply" && RepliesFail)
            return Results.Json(new { error = new { code = "ServiceError", message = "replies are failing" } }, statusCode: 500);
        if (Failures.TryDequeue(out var failure))
            return Results.Json(new { error = new { code = failure.Code ?? "ServiceError", message = "scripted failure" } }, statusCode: failure.Status);
        Landed.Enqueue(request);
        var id = kind switch
        {
            "create" => $"a:personal-{Interlocked.Increment(ref _nextId)}",
            "update" => activityId!,
            _ => $"act-{Interlocked.Increment(ref _nextId)}",
        };
        return Results.Json(new { id }, statusCode: kind == "update" ? 200 : 201);
    }

    /// <summary>A handler that trusts exactly this double's certificate, for the bot's HTTP clients.</summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = { RemoteCertificateValidationCallback = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == Certificate.GetCertHashString() },
    };

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
