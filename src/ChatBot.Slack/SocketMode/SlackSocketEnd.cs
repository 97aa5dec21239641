namespace ChatBot.Slack.SocketMode;

/// <summary>How a connection ended, with a detail for the log (Slack's reason or the failure).</summary>
internal sealed record SlackSocketEnd(SlackSocketEndKind Kind, string Detail);
