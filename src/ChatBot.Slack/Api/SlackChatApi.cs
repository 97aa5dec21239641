using System.Text.Json.Nodes;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Api;

/// <summary>chat.postMessage (paced per channel), chat.update, chat.postEphemeral.</summary>
public sealed class SlackChatApi(SlackApiTransport transport, SlackChannelPacer pacer)
{
    /// <summary>Posts a message (in a thread when <paramref name="threadTs"/> is set); returns its ts.</summary>
    public async Task<string> PostMessageAsync(string team, string channel, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        if (threadTs is not null) body["thread_ts"] = threadTs;
        await pacer.WaitTurnAsync(team, channel, ct);
        var answer = await transport.CallJsonAsync(team, "chat.postMessage", body, ct);
        return SlackApiTransport.RequiredString(answer, "ts", "chat.postMessage");
    }

    public async Task UpdateAsync(string team, string channel, string ts, SlackMessage message, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        body["ts"] = ts;
        await transport.CallJsonAsync(team, "chat.update", body, ct);
    }

    public async Task<string> PostEphemeralAsync(string team, string channel, string user, SlackMessage message, string? threadTs, CancellationToken ct)
    {
        var body = MessageBody(channel, message);
        body["user"] = user;
        if (threadTs is not null) body["thread_ts"] = threadTs;
        var answer = await transport.CallJsonAsync(team, "chat.postEphemeral", body, ct);
        return answer["message_ts"]?.GetValue<string>() ?? "";
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
