using System.Net;
using Microsoft.Extensions.Options;

namespace ChatBot.Agent.Egress;

/// <summary>
/// The egress address rule as far as it can be judged from a URL alone, for refusing a user's target when it is
/// stored (monitor webhooks, run push URLs, allowlist entries) rather than at the first send. Names are judged at
/// connect time by <see cref="GuardedConnector"/>, which also re-judges these.
/// </summary>
public sealed class EgressPolicy(IOptions<EgressOptions> options)
{
    public const string Refused = "refused by egress policy";

    /// <summary>Why the URL's host is refused, or null when it may be tried.</summary>
    public string? Refusal(Uri url)
    {
        var settings = options.Value;
        if (settings.AllowPrivateNetworks || settings.AllowedPrivateHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase)) return null;
        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address))
            return AddressPolicy.IsPublic(address) ? null : $"{Refused}: {url.Host} is a private or reserved address";
        return null;
    }

    /// <summary>
    /// A webhook receiver's redirect, which is never followed: a receiver must not aim the post at another address.
    /// The target is named by its origin only (a URL's path and query may be credentials).
    /// </summary>
    public static string RedirectRefusal(int status, Uri? location) =>
        $"{Refused}: webhook redirects are not followed (HTTP {status}"
        + (location is { IsAbsoluteUri: true } ? $" to {location.GetLeftPart(UriPartial.Authority)})" : ")");

    /// <summary>The refusal inside a failed send (the connector's exception arrives wrapped by the HTTP stack).</summary>
    public static string? RefusalIn(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is EgressDeniedException denied) return $"{Refused}: {denied.Message}";
        return null;
    }
}
