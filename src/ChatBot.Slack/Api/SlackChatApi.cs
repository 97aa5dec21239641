using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Api;

/// <summary>
/// chat.postMessage (paced per channel), chat.update, chat.postEphemeral. Errors that say the bot can no longer post
/// in the channel surface as <see cref="DestinationGoneException"/>.
/// </summary>
public sealed class SlackChatApi(SlackApiTransport transport, SlackChannelPacer pacer)
{
    private static readonly HashSet<string> GoneErrors = ["channel_not_found", "is_archived", "not_in_channel", "account_inactive"];

    /// <summary>The message metadata type our deliveries carry; its payload names the outbox row.</summary>
    public const string DeliveryEventType = "chatbot_delivery";

    /// <summary>Posts a message (in a thread when <paramref name="threadTs"/> is set); returns its ts. A delivery id
    /// travels as message metadata, so the message can be found again (<see cref="SlackConversationsApi.FindDeliveryAsync"/>).</summary>
    public async Task<string> PostMessageAsync(string team, string channel, SlackMessage message, string? threadTs, string? deliveryId, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        if (threadTs is not null) body["thread_ts"] = threadTs;
        if (deliveryId is not null)
            body["metadata"] = new JsonObject { ["event_type"] = DeliveryEventType, ["event_payload"] = new JsonObject { ["delivery_id"] = deliveryId } };
        await pacer.WaitTurnAsync(team, channel, ct);
        var answer = await CallAsync(team, channel, "chat.postMessage", body, ct);
        return SlackApiTransport.RequiredString(answer, "ts", "chat.postMessage");
    }

    public async Task UpdateAsync(string team, string channel, string ts, SlackMessage message, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        body["ts"] = ts;
        await CallAsync(team, channel, "chat.update", body, ct);
    }

    public async Task<string> PostEphemeralAsync(string team, string channel, string user, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        body["user"] = user;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var answer = await CallAsync(team, channel, "chat.postEphemeral", body, ct);
        return answer["message_ts"]?.GetValue<string>() ?? "";
    }

    private async Task<JsonObject> CallAsync(string team, string channel, string method, JsonObject body, CancellationToken ct)
    {
        try
        {
            return await transport.CallJsonAsync(team, method, body, ct);
        }
        catch (SlackApiException ex) when (GoneErrors.Contains(ex.Error))
        {
            throw new DestinationGoneException(ChatPlatform.Slack, channel, ex.Error, ex);
        }
    }

    private static JsonObject MessageBody(string channel, SlackMessage message) => new()
    {
        ["channel"] = channel,
        ["text"] = message.Text,
        ["blocks"] = message.CloneBlocks(),
        // We escape and format ourselves; Slack must not guess links or names.
        ["unfurl_links"] = false,
    };
}
