namespace ChatBot.Slack.Inbound;

/// <summary>A delivery too malformed to handle: HTTP answers it with a 400, Socket Mode acks it and logs.</summary>
internal sealed record SlackRejection(string Code, string Message);
