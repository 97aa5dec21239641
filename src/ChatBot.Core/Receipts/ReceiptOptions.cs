namespace ChatBot.Core.Receipts;

/// <summary>Bound from the <c>Receipts</c> configuration section (CONFIG.md).</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>Shown before the relative time on the first line.</summary>
    public string BotName { get; set; } = "ChatBot";

    /// <summary>Base of the "view details" deep links; the server's own URL when unset.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Shown at the end of failure receipts.</summary>
    public string? SupportContact { get; set; }

    public string RunDetailsUrl(string runId) => $"{(PublicBaseUrl ?? "http://localhost:3978").TrimEnd('/')}/runs/{runId}";
}
