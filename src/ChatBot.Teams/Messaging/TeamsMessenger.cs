using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Teams.Connector;
using ChatBot.Teams.Rendering;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams.Messaging;

/// <summary>
/// Teams as an outbound platform: renders views and sends them through the Bot Connector to the service URL the
/// address carries. A thread becomes a reply to the chain's root activity. Teams has no ephemeral messages in
/// channels, so those go to the user's 1:1 chat, as <see cref="IMessenger"/> allows.
/// </summary>
public sealed class TeamsMessenger(BotConnectorClient connector, IOptions<TeamsOptions> options) : IMessenger
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    public async Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, CancellationToken ct)
    {
        var serviceUrl = ServiceUrlOf(to);
        var activity = TeamsCardRenderer.Render(view);
        var id = to.ThreadId is { } thread
            ? await connector.ReplyAsync(serviceUrl, to.ChannelId, thread, activity, ct)
            : await connector.SendAsync(serviceUrl, to.ChannelId, activity, ct);
        return new PostedMessage(to, id);
    }

    public Task UpdateAsync(PostedMessage message, ChatView view, CancellationToken ct) =>
        connector.UpdateAsync(ServiceUrlOf(message.Address), message.Address.ChannelId, message.MessageId, TeamsCardRenderer.Render(view), ct);

    public Task PostEphemeralAsync(ChatAddress to, ChatUser user, ChatView view, CancellationToken ct) =>
        SendDirectAsync(to, user, view, ct);

    public async Task SendDirectAsync(ChatAddress workspace, ChatUser user, ChatView view, CancellationToken ct)
    {
        var serviceUrl = ServiceUrlOf(workspace);
        var conversation = await connector.CreatePersonalConversationAsync(serviceUrl, workspace.WorkspaceId, user.Id, ct);
        await connector.SendAsync(serviceUrl, conversation, TeamsCardRenderer.Render(view), ct);
    }

    private string ServiceUrlOf(ChatAddress address)
    {
        if (!options.Value.IsConfigured) throw new PlatformNotConfiguredException(ChatPlatform.Teams);
        return address.ServiceUrl
            ?? throw new InvalidOperationException($"The Teams address {address.ChannelId} has no service URL; it must come from an inbound activity.");
    }
}
