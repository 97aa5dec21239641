using System.Text.Json.Nodes;

namespace ChatBot.Testing.Slack;

/// <summary>A message in the double's channels: its channel, thread (null at the top level), ts, text and message
/// metadata; <see cref="User"/> is the author (the bot, unless seeded history says otherwise).</summary>
public sealed record SlackPostedMessage(string Channel, string? ThreadTs, string Ts, string? Text, JsonObject? Metadata)
{
    public string User { get; init; } = "UBOT";
}
