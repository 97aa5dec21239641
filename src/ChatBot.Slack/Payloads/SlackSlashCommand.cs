using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Slack.Payloads;

/// <summary>
/// A slash command's fields: a form over HTTP, a JSON object of the same names over Socket Mode. Only the fields we read.
/// </summary>
internal sealed record SlackSlashCommand
{
    [JsonPropertyName("team_id")] public string? TeamId { get; init; }
    [JsonPropertyName("channel_id")] public string? ChannelId { get; init; }

    /// <summary>"directmessage" when invoked in a DM.</summary>
    [JsonPropertyName("channel_name")] public string? ChannelName { get; init; }

    [JsonPropertyName("user_id")] public string? UserId { get; init; }
    [JsonPropertyName("user_name")] public string? UserName { get; init; }
    [JsonPropertyName("command")] public string? Command { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("trigger_id")] public string? TriggerId { get; init; }

    /// <summary>The HTTP form's fields; an empty field reads as absent, as in the JSON.</summary>
    public static SlackSlashCommand FromForm(IFormCollection form)
    {
        string? Field(string name) => form[name].ToString() is { Length: > 0 } value ? value : null;
        return new SlackSlashCommand
        {
            TeamId = Field("team_id"),
            ChannelId = Field("channel_id"),
            ChannelName = Field("channel_name"),
            UserId = Field("user_id"),
            UserName = Field("user_name"),
            Command = Field("command"),
            Text = Field("text"),
            TriggerId = Field("trigger_id"),
        };
    }
}
