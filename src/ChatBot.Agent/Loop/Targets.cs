using System.Globalization;
using System.Text.RegularExpressions;

namespace ChatBot.Agent.Loop;

/// <summary>
/// The places a sensitive call can reach, found in text and normalised so that equal targets compare equal
/// (case, trailing dots, internationalised names as their ASCII form) and different ones never match by being
/// part of another: <c>na@acme.co</c> is not <c>anna@acme.com</c>.
/// </summary>
public static partial class Targets
{
    private static readonly IdnMapping Idn = new();

    /// <summary>Email addresses, whole.</summary>
    public static IEnumerable<string> Addresses(string text) =>
        EmailPattern().Matches(text).Select(m => NormalizeAddress(m.Value)).OfType<string>();

    /// <summary>Hosts of URLs, bare domain names and the domains of email addresses.</summary>
    public static IEnumerable<string> Hosts(string text)
    {
        foreach (Match url in UrlPattern().Matches(text))
            if (NormalizeHost(url.Groups["host"].Value) is { } host) yield return host;
        foreach (Match domain in DomainPattern().Matches(text))
            if (NormalizeHost(domain.Groups["host"].Value) is { } host) yield return host;
        foreach (var address in Addresses(text)) yield return address[(address.LastIndexOf('@') + 1)..];
    }

    /// <summary>Whole URLs (scheme, host, path and query), normalised the same way.</summary>
    public static IEnumerable<string> Urls(string text) =>
        UrlPattern().Matches(text).Select(m => NormalizeUrl(m.Value)).OfType<string>();

    public static string? NormalizeAddress(string address)
    {
        var at = address.LastIndexOf('@');
        if (at <= 0) return null;
        return NormalizeHost(address[(at + 1)..]) is { } host ? address[..at].ToLowerInvariant() + "@" + host : null;
    }

    public static string? NormalizeHost(string host)
    {
        var trimmed = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (trimmed.Length == 0) return null;
        try
        {
            return Idn.GetAscii(trimmed);
        }
        catch (ArgumentException)
        {
            return trimmed;
        }
    }

    public static string? NormalizeUrl(string url)
    {
        if (!Uri.TryCreate(url.TrimEnd('.', ',', ';', ':'), UriKind.Absolute, out var uri) || NormalizeHost(uri.Host) is not { } host) return null;
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        return $"{uri.Scheme}://{host}{port}{uri.PathAndQuery.TrimEnd('/')}";
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}\.?")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"https?://(?:[^/\s@""'<>]*@)?(?<host>[\p{L}\p{N}.-]+)[^\s""'<>)\]]*", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}@./:_-])(?<host>(?:[\p{L}\p{N}-]+\.)+\p{L}[\p{L}\p{N}-]+\.?)(?![\p{L}\p{N}@_-])")]
    private static partial Regex DomainPattern();
}
