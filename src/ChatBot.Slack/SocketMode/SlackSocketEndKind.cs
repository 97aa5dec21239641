namespace ChatBot.Slack.SocketMode;

/// <summary>Why a Socket Mode connection stopped taking new deliveries, which decides what the client does next.</summary>
internal enum SlackSocketEndKind
{
    /// <summary>Slack sent <c>disconnect</c> (warning, refresh_requested): open a replacement first, then close this one.</summary>
    ReplaceRequested,

    /// <summary>Slack sent <c>disconnect</c> with link_disabled: Socket Mode is off for the app, so reconnecting is pointless.</summary>
    LinkDisabled,

    /// <summary>Closed, failed, or silent (no pong to the keep-alive ping): reconnect after a backoff.</summary>
    Lost,
}
