using System.Collections.Concurrent;
using System.Text.Json;
using ChatBot.Teams.Activities;

namespace ChatBot.Teams.History;

/// <summary>
/// Which team (its Microsoft 365 group id, what Graph calls the team id) each channel belongs to. Activities carry
/// only the channel's thread id in the address; the group id comes in <c>channelData.team.aadGroupId</c>, so it is
/// remembered from validated inbound activities. In memory only: after a restart a team is known again from its
/// next activity (installing the app, or anyone mentioning the bot there).
/// </summary>
public sealed class KnownTeams
{
    private readonly ConcurrentDictionary<string, string> _groupByChannel = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("team", out var team) || team.ValueKind != JsonValueKind.Object
            || StringOf(team, "aadGroupId") is not { Length: > 0 } groupId)
            return;
        // The team's own id is its General channel's thread id; the activity's channel is another of its channels.
        if (StringOf(team, "id") is { Length: > 0 } general) Remember(general, groupId);
        if (data.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object && StringOf(channel, "id") is { Length: > 0 } channelId)
            Remember(channelId, groupId);
        if (activity.Conversation?.Id is { Length: > 0 } conversation) Remember(TeamsConversation.Split(conversation).ChannelId, groupId);
    }

    public void Remember(string channelId, string groupId) => _groupByChannel[channelId] = groupId;

    public string? GroupOf(string channelId) => _groupByChannel.GetValueOrDefault(channelId);

    private static string? StringOf(JsonElement element, string property) =>
        element.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
