using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Slack.Api;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Messaging;

/// <summary>
/// Slack behind the neutral outbound port: renders the view as Block Kit and calls the Web API. The message
/// id is Slack's ts; a thread id is a thread_ts; the address's workspace is the Slack team whose token is used.
/// </summary>
public sealed class SlackMessenger(SlackWebApiClient api, SlackBlockRenderer renderer) : IMessenger
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, CancellationToken ct) => PostAsync(to, view, null, ct);

    /// <summary>Posts; a delivery id (null for none) travels as message metadata.</summary>
    public async Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, string? deliveryId, CancellationToken ct)
    {
        var ts = await api.Chat.PostMessageAsync(to.WorkspaceId, to.ChannelId, renderer.Render(view), to.ThreadId, deliveryId, ct);
        return new PostedMessage(to, ts);
    }

    /// <summary>Slack can be asked: the delivery id travels as message metadata.</summary>
    public async Task<PostedMessage?> FindDeliveredAsync(ChatAddress to, string deliveryId, CancellationToken ct) =>
        await api.Conversations.FindDeliveryAsync(to.WorkspaceId, to.ChannelId, to.ThreadId, deliveryId, ct) is { } ts ? new PostedMessage(to, ts) : null;

    public Task UpdateAsync(PostedMessage message, ChatView view, CancellationToken ct) =>
        api.Chat.UpdateAsync(message.Address.WorkspaceId, message.Address.ChannelId, message.MessageId, renderer.Render(view), ct);

    public Task PostEphemeralAsync(ChatAddress to, ChatUser user, ChatView view, CancellationToken ct) =>
        api.Chat.PostEphemeralAsync(to.WorkspaceId, to.ChannelId, user.Id, renderer.Render(view), to.ThreadId, ct);

    public async Task SendDirectAsync(ChatAddress workspace, ChatUser user, ChatView view, CancellationToken ct)
    {
        var channel = await api.Conversations.OpenDirectAsync(workspace.WorkspaceId, user.Id, ct);
        await api.Chat.PostMessageAsync(workspace.WorkspaceId, channel, renderer.Render(view), null, null, ct);
    }
}
