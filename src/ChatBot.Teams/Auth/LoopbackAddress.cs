using System.Net;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Teams.Auth;

/// <summary>
/// What counts as "this machine" for Teams local mode: a loopback caller and a loopback service URL
/// (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>::1</c>). Deliberately small; nothing forwarded is trusted.
/// </summary>
public static class LoopbackAddress
{
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP"];

    /// <summary>
    /// A same-host reverse proxy connects from loopback too: a request that carries forwarding headers came from
    /// someone else (unless the forwarded-headers middleware, configured with known proxies, consumed them).
    /// </summary>
    public static bool CarriesForwardingHeaders(HttpRequest request) => ForwardingHeaders.Any(request.Headers.ContainsKey);

    /// <summary>A caller on this machine: a loopback connection that no proxy forwarded.</summary>
    public static bool IsLocalCaller(HttpContext http) => IsLoopback(http.Connection.RemoteIpAddress) && !CarriesForwardingHeaders(http.Request);

    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    public static bool IsLoopbackUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return false;
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) return false;
        if (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IsLoopback(address);
    }
}
