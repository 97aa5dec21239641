namespace ChatBot.Core.Receipts;

/// <summary>Bound from the <c>Receipts</c> configuration section (CONFIG.md).</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>Shown before the relative time on the first line.</summary>
    public string BotName { get; set; } = "ChatBot";

    /// <summary>Base of the "view details" deep links; the server's own listening address when unset.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Used until the server knows where it listens (and by hosts that never listen on a socket).</summary>
    public const string UnstartedBaseUrl = "http://localhost:3978";

    private string? _listeningBaseUrl;

    /// <summary>Shown at the end of failure receipts.</summary>
    public string? SupportContact { get; set; }

    /// <summary>The configured public URL, else where the server listens (set once it has started).</summary>
    public string BaseUrl => PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : _listeningBaseUrl ?? UnstartedBaseUrl;

    /// <summary>A method, not a property, so configuration cannot bind it: it is learnt from the running server.</summary>
    public void UseListeningAddress(string baseUrl) => _listeningBaseUrl = baseUrl.TrimEnd('/');

    public string RunDetailsUrl(string runId) => $"{BaseUrl}/runs/{runId}";
}
