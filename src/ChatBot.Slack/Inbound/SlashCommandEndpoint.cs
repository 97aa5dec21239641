using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Views;
using ChatBot.Slack.Rendering;
using ChatBot.Slack.Verification;
using Microsoft.AspNetCore.Http;

namespace ChatBot.Slack.Inbound;

/// <summary>
/// POST /slack/commands: /monitor, /hourly, /weekly, /monitors, /help, /receipts (any other name gets help).
/// The form becomes a <see cref="CommandInvocation"/>; the inbox's reply is the ephemeral response body.
/// </summary>
internal static class SlashCommandEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IChatInbox inbox, SlackBlockRenderer renderer, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => form[name].ToString() is { Length: > 0 } value ? value : null;

        var team = Field("team_id");
        var channel = Field("channel_id");
        var user = Field("user_id");
        if (team is null || channel is null || user is null)
            return SlackErrors.Result(400, "INVALID_SLASH_COMMAND", "A slash command needs team_id, channel_id and user_id.");

        var parsed = CommandParser.ParseSlash(Field("command"), Field("text"));
        if (!parsed.IsSuccess) return SlackEphemeralResponse.For(new TextView(parsed.Error!), renderer);

        // Slack does not retry slash commands, but the trigger id is unique per invocation, so it de-duplicates anyway.
        var deliveryId = "slack-cmd-" + (Field("trigger_id") ?? Guid.NewGuid().ToString("N"));
        var invocation = new CommandInvocation(
            deliveryId,
            new ChatAddress(ChatPlatform.Slack, team, channel),
            new ChatUser(user, Field("user_name")),
            parsed.Command!,
            IsDirectMessage: Field("channel_name") == "directmessage" || channel.StartsWith('D'));
        var result = await inbox.HandleCommandAsync(invocation, ct);
        // An empty 200 shows nothing: the command's visible effect (a monitor's root message) is posted by a job.
        return result.Reply is { } reply ? SlackEphemeralResponse.For(reply, renderer) : Results.Ok();
    }
}
