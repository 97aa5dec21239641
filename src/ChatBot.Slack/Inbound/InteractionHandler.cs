using System.Text.Json.Nodes;
using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Slack.Api;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Rendering;
using static ChatBot.Slack.Inbound.SlackJson;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// An interaction payload, whether it came as the HTTP form's <c>payload</c> field or as a Socket Mode
/// interactive envelope (the same JSON): block_actions button clicks become <see cref="ButtonAction"/>s (action
/// id, value = entity id, message ts). After the acknowledgement, a replacement view updates the clicked message
/// (chat.update, or the response_url for ephemeral messages, which chat.update cannot reach) and a reply goes to
/// the clicker only.
/// </summary>
internal sealed class InteractionHandler(IChatInbox inbox, SlackMessenger messenger, SlackWebApiClient api, SlackBlockRenderer renderer)
{
    public async Task<SlackInboundOutcome> HandleAsync(JsonNode? payload, CancellationToken ct)
    {
        if (payload is not JsonObject || Text(payload, "type") != "block_actions") return SlackInboundOutcome.Acknowledged();

        var team = Text(payload["team"], "id") ?? Text(payload["user"], "team_id");
        var channel = Text(payload["channel"], "id") ?? Text(payload["container"], "channel_id");
        var userId = Text(payload["user"], "id");
        if (team is null || channel is null || userId is null)
            return SlackInboundOutcome.Rejected("INVALID_PAYLOAD", "The interaction needs team, channel and user.");

        var container = payload["container"];
        var messageTs = Text(container, "message_ts") ?? Text(payload["message"], "ts");
        var threadTs = Text(payload["message"], "thread_ts") ?? Text(container, "thread_ts");
        var isEphemeral = Field(container, "is_ephemeral") is JsonValue flag && flag.TryGetValue<bool>(out var ephemeral) && ephemeral;
        var responseUrl = Text(payload, "response_url");
        var address = new ChatAddress(ChatPlatform.Slack, team, channel, threadTs);
        var user = new ChatUser(userId, Text(payload["user"], "username") ?? Text(payload["user"], "name"));

        var outcome = SlackInboundOutcome.Acknowledged();
        var actions = payload["actions"] as JsonArray ?? [];
        foreach (var (action, index) in actions.Select((a, i) => (a, i)))
        {
            var actionId = Text(action, "action_id");
            var value = Text(action, "value");
            if (actionId is null || value is null) continue;
            // trigger_id is unique per click; the index keeps several actions of one payload apart.
            var deliveryId = $"slack-act-{Text(payload, "trigger_id") ?? Text(action, "action_ts") ?? Guid.NewGuid().ToString("N")}-{index}";
            var result = await inbox.HandleActionAsync(new ButtonAction(deliveryId, address, user, actionId, value, messageTs), ct);

            if (result.ReplaceOriginal is { } replacement)
            {
                outcome.Then("replace the clicked message", token =>
                    isEphemeral || messageTs is null
                        ? responseUrl is null ? Task.CompletedTask : api.ResponseUrls.RespondAsync(responseUrl, renderer.Render(replacement), replaceOriginal: true, token)
                        : messenger.UpdateAsync(new PostedMessage(address, messageTs), replacement, token));
            }
            if (result.Reply is { } reply)
            {
                outcome.Then("reply to a click", token =>
                    responseUrl is not null
                        ? api.ResponseUrls.RespondAsync(responseUrl, renderer.Render(reply), replaceOriginal: false, token)
                        : messenger.PostEphemeralAsync(address, user, reply, token));
            }
        }
        return outcome;
    }
}
