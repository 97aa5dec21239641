using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams.Auth;

/// <summary>
/// The service URLs the bot may send to (and hence hand its connector token to): those seen on validated inbound
/// activities, plus the configured Bot Framework hosts so posts still work after a restart. Anything else is refused,
/// so a forged address in storage can't make the bot leak tokens to an arbitrary host.
/// </summary>
public sealed class TrustedServiceUrls(IOptions<TeamsOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(string serviceUrl) => _seen.TryAdd(Normalize(serviceUrl), 0);

    public bool IsTrusted(string? serviceUrl)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)) return false;
        if (_seen.ContainsKey(Normalize(serviceUrl))) return true;
        return uri.Scheme == Uri.UriSchemeHttps && options.Value.TrustedServiceHosts.Any(host =>
            uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase));
    }

    public static string Normalize(string serviceUrl) => serviceUrl.Trim().TrimEnd('/');
}
