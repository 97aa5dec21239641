using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Core.Workspaces;
using ChatBot.Teams.Activities;
using ChatBot.Teams.Auth;
using ChatBot.Teams.Connector;
using ChatBot.Teams.Rendering;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams.Messaging;

/// <summary>
/// Teams as an outbound platform: renders views and sends them through the Bot Connector to the service URL the
/// address carries. A thread (a channel's reply chain) is posted to the chain's own conversation id,
/// <c>&lt;channel&gt;;messageid=&lt;root&gt;</c>, which is where Teams clients show replies. Teams has no ephemeral messages in
/// channels, so those go to the user's 1:1 chat, as <see cref="IMessenger"/> allows. A workspace posts only when it is
/// a Teams tenant the bot has heard from (<see cref="ITeamsTenants"/>), so no other workspace can post in Teams.
/// </summary>
public sealed class TeamsMessenger(BotConnectorClient connector, ITeamsTenants tenants, IOptions<TeamsOptions> options) : IMessenger
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    public async Task<PostedMessage> PostAsync(ChatAddress to, ChatView view, CancellationToken ct)
    {
        var serviceUrl = await ServiceUrlOfAsync(to, ct);
        var activity = TeamsCardRenderer.Render(view);
        var id = to.ThreadId is { } thread
            ? await connector.ReplyAsync(serviceUrl, TeamsConversation.ReplyChain(to.ChannelId, thread), thread, activity, ct)
            : await connector.SendAsync(serviceUrl, to.ChannelId, activity, ct);
        return new PostedMessage(to, id);
    }

    public async Task UpdateAsync(PostedMessage message, ChatView view, CancellationToken ct) =>
        await connector.UpdateAsync(await ServiceUrlOfAsync(message.Address, ct), message.Address.ChannelId, message.MessageId, TeamsCardRenderer.Render(view), ct);

    public Task PostEphemeralAsync(ChatAddress to, ChatUser user, ChatView view, CancellationToken ct) =>
        SendDirectAsync(to, user, view, ct);

    public async Task SendDirectAsync(ChatAddress workspace, ChatUser user, ChatView view, CancellationToken ct)
    {
        var serviceUrl = await ServiceUrlOfAsync(workspace, ct);
        var conversation = await connector.CreatePersonalConversationAsync(serviceUrl, workspace.WorkspaceId, user.Id, ct);
        await connector.SendAsync(serviceUrl, conversation, TeamsCardRenderer.Render(view), ct);
    }

    private async Task<string> ServiceUrlOfAsync(ChatAddress address, CancellationToken ct)
    {
        var settings = options.Value;
        // Local mode reaches only a client on this machine; a real Teams conversation needs the app registration.
        if (settings.IsLocalMode ? !LoopbackAddress.IsLoopbackUrl(address.ServiceUrl) : !settings.IsConfigured)
            throw new PlatformNotConfiguredException(ChatPlatform.Teams);
        if (!await tenants.IsTenantAsync(address.WorkspaceId, ct))
            throw new PlatformNotConfiguredException(ChatPlatform.Teams,
                $"Workspace {address.WorkspaceId} is not a Microsoft Teams tenant: the bot posts in Teams only for a tenant it has heard from, in that tenant.");
        return address.ServiceUrl
            ?? throw new InvalidOperationException($"The Teams address {address.ChannelId} has no service URL; it must come from an inbound activity.");
    }
}
