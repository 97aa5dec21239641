namespace ChatBot.Server.Ops;

/// <summary>Bound from <c>Ops</c>: HTTP Basic credentials for the ops API, dashboard and playground, and the proxies trusted to say who called.</summary>
public sealed class OpsOptions
{
    public const string Section = "Ops";

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// Reverse proxies (IP addresses) whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed. Without any,
    /// a request carrying forwarding headers is never a loopback caller.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    public bool HasCredentials => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
}
