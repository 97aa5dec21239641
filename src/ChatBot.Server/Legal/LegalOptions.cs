namespace ChatBot.Server.Legal;

/// <summary>
/// Bound from <c>Legal</c>: the operator's own privacy statement and terms of use, which the Teams app manifest
/// links to (<c>/privacy</c>, <c>/terms</c>). Unset, a short built-in text is served.
/// </summary>
public sealed class LegalOptions
{
    public const string Section = "Legal";

    /// <summary>An HTML (<c>.html</c>, <c>.htm</c>) or plain-text file served at <c>/privacy</c>.</summary>
    public string? PrivacyFile { get; set; }

    /// <summary>An HTML (<c>.html</c>, <c>.htm</c>) or plain-text file served at <c>/terms</c>.</summary>
    public string? TermsFile { get; set; }
}
