using System.Net;

namespace ChatBot.Server.Security;

/// <summary>
/// Who counts as "this machine" for the surfaces served to loopback callers only (ops API, dashboard, playground)
/// when no ops credentials are set. A same-host reverse proxy connects from loopback too, so a request that carries
/// forwarding headers is someone else's unless the forwarded-headers middleware (Ops__KnownProxies) consumed them.
/// The Host must be a loopback name as well, so a page on another site cannot reach these through DNS rebinding.
/// </summary>
public static class LoopbackCaller
{
    public static bool Is(HttpContext http) =>
        IsLoopbackAddress(http.Connection.RemoteIpAddress)
        && !ChatBot.Teams.Auth.LoopbackAddress.CarriesForwardingHeaders(http.Request)
        && IsLoopbackHost(http.Request.Host.Host);

    // An in-process caller (the test server) has no remote address; it is this machine.
    private static bool IsLoopbackAddress(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    public static bool IsLoopbackHost(string host)
    {
        var name = host.Trim('[', ']');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address);
    }
}
