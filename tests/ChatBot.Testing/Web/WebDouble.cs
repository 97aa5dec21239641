using ChatBot.Testing.Hosting;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Testing.Web;

/// <summary>
/// A local web server for fetch and monitor tests: pages whose content a test changes between checks (with
/// ETags, so conditional GETs get 304), feeds, redirects and search-engine JSON. Records each request.
/// </summary>
public sealed class WebDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, WebResource> _resources = new();

    private WebDouble(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentQueue<(string Method, string PathAndQuery, string? IfNoneMatch)> Requests { get; } = new();

    public Uri Url(string path) => new(BaseUrl, path);

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (replacing what was there).</summary>
    public void Serve(string path, string body, string contentType = "text/html; charset=utf-8") =>
        _resources[path] = new WebResource(200, contentType, body, null);

    public void Redirect(string path, string location, int status = 302) =>
        _resources[path] = new WebResource(status, null, "", location);

    public static async Task<WebDouble> StartAsync()
    {
        var builder = LoopbackServer.CreateBuilder();
        var app = builder.Build();
        var web = new WebDouble(app);
        app.Run(web.HandleAsync);
        await app.StartAsync();
        web.BaseUrl = LoopbackServer.AddressOf(app);
        return web;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        Requests.Enqueue((http.Request.Method, http.Request.Path + http.Request.QueryString, ifNoneMatch.Length > 0 ? ifNoneMatch : null));
        if (!_resources.TryGetValue(http.Request.Path.Value ?? "/", out var resource))
        {
            http.Response.StatusCode = 404;
            return;
        }
        if (resource.Location is not null)
        {
            http.Response.StatusCode = resource.Status;
            http.Response.Headers.Location = resource.Location;
            return;
        }
        var etag = $"\"{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(resource.Body)))[..16]}\"";
        http.Response.Headers.ETag = etag;
        if (ifNoneMatch == etag)
        {
            http.Response.StatusCode = 304;
            return;
        }
        http.Response.StatusCode = resource.Status;
        http.Response.ContentType = resource.ContentType;
        await http.Response.WriteAsync(resource.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record WebResource(int Status, string? ContentType, string Body, string? Location);
}
