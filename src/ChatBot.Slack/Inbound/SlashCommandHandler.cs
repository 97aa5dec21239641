using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Slack.Payloads;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// A slash command, whether it came as the HTTP form or as a Socket Mode payload (the same fields either way):
/// /monitor, /hourly, /weekly, /monitors, /help, /receipts (any other name gets help). The fields become a
/// <see cref="CommandInvocation"/>; the inbox's reply is the ephemeral answer.
/// </summary>
internal sealed class SlashCommandHandler(IChatInbox inbox, SlackBlockRenderer renderer)
{
    public async Task<SlackInboundOutcome> HandleAsync(SlackSlashCommand command, CancellationToken ct)
    {
        var team = command.TeamId;
        var channel = command.ChannelId;
        var user = command.UserId;
        if (team is null || channel is null || user is null)
            return SlackInboundOutcome.Rejected("INVALID_SLASH_COMMAND", "A slash command needs team_id, channel_id and user_id.");

        var parsed = CommandParser.ParseSlash(command.Command, SlackInboundText.ToPlainText(command.Text));
        if (!parsed.IsSuccess) return SlackInboundOutcome.Answer(SlackEphemeralResponse.For(new TextView(parsed.Error!), renderer));

        // Slack does not retry slash commands, but the trigger id is unique per invocation, so it de-duplicates anyway.
        var deliveryId = "slack-cmd-" + (command.TriggerId ?? Guid.NewGuid().ToString("N"));
        var invocation = new CommandInvocation(
            deliveryId,
            new ChatAddress(ChatPlatform.Slack, team, channel),
            new ChatUser(user, command.UserName),
            parsed.Command!,
            IsDirectMessage: command.ChannelName == "directmessage" || channel.StartsWith('D'));
        var result = await inbox.HandleCommandAsync(invocation, ct);
        // An empty answer shows nothing: the command's visible effect (a monitor's root message) is posted by a job.
        return result.Reply is { } reply
            ? SlackInboundOutcome.Answer(SlackEphemeralResponse.For(reply, renderer))
            : SlackInboundOutcome.Acknowledged();
    }
}
