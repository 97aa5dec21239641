using ChatBot.Testing.Hosting;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Webhooks;

/// <summary>
/// A local HTTPS endpoint that receives webhooks, with a throwaway self-signed certificate (the product only
/// pushes to https). It answers 500 to the first <see cref="FailFirst"/> requests, then 200; <see cref="RedirectUrl"/>
/// names an address of it that answers 307 to another URL instead, as a receiver aiming the post elsewhere would.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _seen;

    private WebhookReceiver(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    public int FailFirst { get; set; }

    /// <summary>The targets named by requests to a <see cref="RedirectUrl"/>, each answered with 307.</summary>
    public ConcurrentQueue<string> Redirected { get; } = new();

    /// <summary>An https URL of this receiver that answers 307 (method and body kept) to <paramref name="target"/>.</summary>
    public Uri RedirectUrl(Uri target) => new(BaseUrl, "/redirect?to=" + Uri.EscapeDataString(target.AbsoluteUri));

    /// <summary>The receiver's certificate as PEM, for a server process that is to trust it (<c>SSL_CERT_FILE</c>).</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var certificate = CreateCertificate();
        var builder = LoopbackServer.CreateBuilder(certificate);
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, certificate);
        app.MapPost("/hooks/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedWebhook(
                http.Request.Headers["webhook-id"].ToString(),
                http.Request.Headers["webhook-timestamp"].ToString(),
                http.Request.Headers["webhook-signature"].ToString(),
                body));
            return Interlocked.Increment(ref receiver._seen) <= receiver.FailFirst ? Results.StatusCode(500) : Results.Ok();
        });
        app.MapPost("/redirect", (HttpContext http) =>
        {
            var target = http.Request.Query["to"].ToString();
            receiver.Redirected.Enqueue(target);
            return Results.Redirect(target, permanent: false, preserveMethod: true);
        });
        await app.StartAsync();
        receiver.BaseUrl = LoopbackServer.AddressOf(app);
        return receiver;
    }

    /// <summary>A handler that trusts exactly this receiver's certificate, for the client under test.</summary>
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
        // Kestrel needs a certificate whose private key it can use; a PKCS#12 round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Certificate.Dispose();
    }
}
