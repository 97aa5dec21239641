using ChatBot.Server.Ops;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Security;

/// <summary>
/// Says once, at start, when the server listens beyond loopback with no ops credentials: the ops API, dashboard and
/// playground then answer loopback callers only, which surprises whoever published the port to reach them.
/// </summary>
public static class ExposureWarning
{
    public static void LogOnStart(WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (app.Services.GetRequiredService<IOptions<OpsOptions>>().Value.HasCredentials) return;
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var exposed = addresses.Where(a => !IsLoopbackUrl(a)).ToList();
            if (exposed.Count == 0) return;
            app.Logger.LogWarning(
                "Listening on {Addresses} without Ops__Username/Ops__Password: the ops API, dashboard and playground are closed to everyone but loopback callers. Set ops credentials to reach them from elsewhere.",
                string.Join(", ", exposed));
        });
    }

    private static bool IsLoopbackUrl(string address)
    {
        // Kestrel lists wildcards as http://+:80, http://*:80, http://0.0.0.0:80 or http://[::]:80; none is loopback.
        var host = address.Split("://", 2).Last().Split('/')[0];
        var colon = host.LastIndexOf(':');
        if (colon > 0 && !host.EndsWith(']')) host = host[..colon];
        return LoopbackCaller.IsLoopbackHost(host);
    }
}
