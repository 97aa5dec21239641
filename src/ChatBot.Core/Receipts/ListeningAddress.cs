namespace ChatBot.Core.Receipts;

/// <summary>
/// The default base of "view details" links when <c>Receipts__PublicBaseUrl</c> is unset: the first address the
/// server listens on, with its real port. A wildcard host (0.0.0.0, [::], *, +) is no address a person can open,
/// so the machine's host name stands in for it.
/// </summary>
public static class ListeningAddress
{
    public sealed record Resolved(string BaseUrl, bool WasWildcard);

    public static Resolved? From(IEnumerable<string> addresses, string hostName)
    {
        var first = addresses.FirstOrDefault(a => !string.IsNullOrWhiteSpace(a));
        if (first is null) return null;
        // Kestrel reports bound addresses as scheme://host:port; '*' and '+' are not valid URI hosts, so swap them first.
        var schemeEnd = first.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return null;
        var rest = first[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']') + 1 : rest.IndexOfAny([':', '/']);
        var host = hostEnd <= 0 ? rest : rest[..hostEnd];
        var wildcard = host is "*" or "+" or "0.0.0.0" or "[::]" or "";
        var url = first[..(schemeEnd + 3)] + (wildcard ? hostName : host) + (hostEnd <= 0 ? "" : rest[hostEnd..]);
        return new Resolved(url.TrimEnd('/'), wildcard);
    }
}
