using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Slack.Api;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Payloads;
using ChatBot.Slack.Rendering;

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
    public async Task<SlackInboundOutcome> HandleAsync(SlackInteraction? payload, CancellationToken ct)
    {
        if (payload?.Type != SlackInteraction.BlockActions) return SlackInboundOutcome.Acknowledged();

        var team = payload.Team?.Id ?? payload.User?.TeamId;
        var channel = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var userId = payload.User?.Id;
        if (team is null || channel is null || userId is null)
            return SlackInboundOutcome.Rejected("INVALID_PAYLOAD", "The interaction needs team, channel and user.");

        var messageTs = payload.Container?.MessageTs ?? payload.Message?.Ts;
        var threadTs = payload.Message?.ThreadTs ?? payload.Container?.ThreadTs;
        var isEphemeral = payload.Container?.IsEphemeral == true;
        var responseUrl = payload.ResponseUrl;
        var address = new ChatAddress(ChatPlatform.Slack, team, channel, threadTs);
        var user = new ChatUser(userId, payload.User?.Username ?? payload.User?.Name);

        var outcome = SlackInboundOutcome.Acknowledged();
        foreach (var (action, index) in (payload.Actions ?? []).Select((a, i) => (a, i)))
        {
            if (action?.ActionId is not { } actionId || action.Value is not { } value) continue;
            // trigger_id is unique per click; the index keeps several actions of one payload apart.
            var deliveryId = $"slack-act-{payload.TriggerId ?? action.ActionTs ?? Guid.NewGuid().ToString("N")}-{index}";
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
