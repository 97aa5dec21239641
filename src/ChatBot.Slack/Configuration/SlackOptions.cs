namespace ChatBot.Slack.Configuration;

/// <summary>
/// The "Slack" configuration section (CONFIG.md). Names are fixed by the configuration contract; the tuning
/// knobs at the end are additions under the same section. Unset secrets mean Slack is not connected: the
/// server still starts, inbound Slack requests get 503 and outbound posts fail as "not configured".
/// </summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";
    public const string DefaultApiBaseUrl = "https://slack.com/api/";

    /// <summary>Verifies every inbound request (HMAC-SHA256 over the raw body).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The xoxb- token of a single-workspace install; calls for a team without an OAuth install use it.</summary>
    public string? BotToken { get; set; }

    /// <summary>Web API base; GovSlack and test doubles use another.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>OAuth v2 "Add to Slack" (/slack/install) for multi-workspace installs, with <see cref="ClientSecret"/>.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// xapp- app-level token (connections:write). When set, the bot also takes deliveries over Socket Mode: it asks
    /// apps.connections.open for a WebSocket URL and receives events, slash commands and interactions there, so it
    /// needs no public request URL. Posting still uses <see cref="BotToken"/>.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>Requests signed further than this from now are replays (Slack's recommendation: 5 minutes).</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// A 429 whose Retry-After is at most this long is waited out inside the call; a longer one surfaces as
    /// <see cref="Api.SlackRateLimitedException"/> so the calling job's retry policy takes over.
    /// </summary>
    public TimeSpan MaxInlineRetryDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>This node's steady pace of posts to one channel (Slack: about 1 per second); zero turns pacing off.</summary>
    public TimeSpan PostInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many posts to one channel may go out back to back before the pace applies (Slack allows bursts).</summary>
    public int PostBurst { get; set; } = 4;

    /// <summary>How many 429s one call waits out before giving up.</summary>
    public int MaxInlineRetries { get; set; } = 2;

    /// <summary>How long an "Add to Slack" link stays valid (the signed OAuth state expires with it).</summary>
    public TimeSpan InstallStateLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a team's installed bot token is cached between database lookups.</summary>
    public TimeSpan InstallationCacheDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a stored admin lookup (users.info, made by the role refresh job) is trusted before it is looked up again.</summary>
    public TimeSpan UserCacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Socket Mode: how often the client pings its connection (WebSocket ping frames).</summary>
    public TimeSpan SocketPingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Socket Mode watchdog: a connection that answers no ping within this window, or says no hello within it after
    /// opening, is silently dead (Slack's connections can go quiet without closing); it is dropped and replaced.
    /// </summary>
    public TimeSpan SocketSilenceTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Socket Mode: the wait before the first reconnect after a failure; it doubles per consecutive failure.</summary>
    public TimeSpan SocketReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Socket Mode: the longest wait between reconnect attempts.</summary>
    public TimeSpan SocketMaxReconnectDelay { get; set; } = TimeSpan.FromMinutes(1);

    public bool CanVerifyRequests => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool CanInstall => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    public bool UsesSocketMode => !string.IsNullOrWhiteSpace(AppToken);
}
