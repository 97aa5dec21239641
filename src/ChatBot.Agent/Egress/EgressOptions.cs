namespace ChatBot.Agent.Egress;

/// <summary>Limits on server-side fetches (CONFIG.md section "Egress").</summary>
public sealed class EgressOptions
{
    public const string Section = "Egress";

    /// <summary>Lets fetches reach loopback and private addresses (intranet monitors, local test doubles).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// Host names (as written in URLs) that may reach private addresses even when private networks are not
    /// allowed: one intranet wiki, say, without opening the whole network.
    /// </summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>Largest response body read, in bytes; the rest is cut off.</summary>
    public int MaxResponseBytes { get; set; } = 2 * 1024 * 1024;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public int MaxRedirects { get; set; } = 5;
}
