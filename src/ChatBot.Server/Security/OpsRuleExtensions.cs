using System.Net;
using ChatBot.Server.Ops;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Security;

public static class OpsRuleExtensions
{
    /// <summary>
    /// Believes forwarding headers from the configured proxies only (none by default), before anything asks who
    /// the caller is.
    /// </summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<OpsOptions>>().Value.KnownProxies;
        if (proxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>
    /// Serves paths under the prefixes (pages, static files and APIs alike) under the ops rule: Basic auth when ops
    /// credentials are set, else loopback callers only.
    /// </summary>
    public static WebApplication UseOpsRuleFor(this WebApplication app, params string[] prefixes)
    {
        app.UseWhen(http => prefixes.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)), branch => branch.Use(async (http, next) =>
        {
            var ops = http.RequestServices.GetRequiredService<IOptions<OpsOptions>>().Value;
            if (OpsAuthFilter.Authorize(http, ops) is { } failure) await failure.ExecuteAsync(http);
            else await next(http);
        }));
        return app;
    }
}
