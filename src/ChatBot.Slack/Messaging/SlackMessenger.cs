using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Slack.Api;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Messaging;

/// <summary>
/// Slack behind the neutral outbound port: renders the view as Block Kit and calls the Web API. The message
/// id is Slack's ts; a thread id is a thread_ts. Single-workspace for now: every call uses Slack__BotToken,
/// whatever the address's workspace (multi-workspace OAuth installs would pick the token per team here).
/// </summary>
public sealed class SlackMessenger(SlackWebApiClient api, SlackBlockRenderer renderer) : IMessenger
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, CancellationToken ct)
    {
        var ts = await api.PostMessageAsync(to.ChannelId, renderer.Render(view), to.ThreadId, ct);
        return new PostedMessage(to, ts);
    }

    public Task UpdateAsync(PostedMessage message, ChatView view, CancellationToken ct) =>
        api.UpdateMessageAsync(message.Address.ChannelId, message.MessageId, renderer.Render(view), ct);

    public Task PostEphemeralAsync(ChatAddress to, ChatUser user, ChatView view, CancellationToken ct) =>
        api.PostEphemeralAsync(to.ChannelId, user.Id, renderer.Render(view), to.ThreadId, ct);

    public async Task SendDirectAsync(ChatAddress workspace, ChatUser user, ChatView view, CancellationToken ct)
    {
        var channel = await api.OpenDirectConversationAsync(user.Id, ct);
        await api.PostMessageAsync(channel, renderer.Render(view), null, ct);
    }
}
