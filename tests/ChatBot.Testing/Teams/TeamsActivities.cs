using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatBot.Testing.Teams;

/// <summary>Inbound activities as Teams sends them, and a signed POST to the bot's messaging endpoint.</summary>
public static class TeamsActivities
{
    public const string TenantId = "tenant-contoso";
    public const string ChannelConversation = "19:general@thread.tacv2";
    public const string BotName = "ChatBot";
    public static readonly string BotId = "28:bot-app-id";
    public const string TeamGroupId = "group-contoso-product";
    public const string TeamThreadId = "19:team-general@thread.tacv2";

    /// <summary>The channelData.team Teams adds to channel activities: the team's thread id and its Microsoft 365 group id.</summary>
    public static JsonObject InTeam(JsonObject activity, string groupId = TeamGroupId, string teamThreadId = TeamThreadId)
    {
        var data = activity["channelData"]!.AsObject();
        data["team"] = new JsonObject { ["id"] = teamThreadId, ["name"] = "Product", ["aadGroupId"] = groupId };
        data["channel"] = new JsonObject { ["id"] = TeamsConversationChannel(activity) };
        return activity;
    }

    private static string TeamsConversationChannel(JsonObject activity) => activity["conversation"]!["id"]!.GetValue<string>().Split(';')[0];

    public static JsonObject Message(string serviceUrl, string text, string? conversationId = null, string? id = null, string fromId = "29:alice", string fromName = "Alice") => new()
    {
        ["type"] = "message",
        ["id"] = id ?? Guid.NewGuid().ToString("N")[..12],
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName, ["aadObjectId"] = "aad-" + fromId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = conversationId ?? ChannelConversation, ["conversationType"] = "channel", ["tenantId"] = TenantId, ["isGroup"] = true },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["text"] = text,
        ["textFormat"] = "plain",
    };

    /// <summary>An Action.Execute click: an <c>adaptiveCard/action</c> invoke on the card activity <paramref name="cardActivityId"/>.</summary>
    public static JsonObject CardAction(string serviceUrl, string verb, JsonObject data, string cardActivityId, string fromId = "29:bob", string fromName = "Bob")
    {
        var activity = Message(serviceUrl, "", id: "inv-" + Guid.NewGuid().ToString("N")[..8], fromId: fromId, fromName: fromName);
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = cardActivityId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await client.SendAsync(request);
    }
}
