using ChatBot.Core.Chat;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Users;
using ChatBot.Core.Views;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Messaging;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Inbox.Handlers;

/// <summary><c>/receipts</c>: anyone may see the settings; only admins and approvers may change them.</summary>
public sealed class ReceiptsHandler(ChatBotDbContext db, UserDirectoryResolver directory) : ICommandHandler
{
    public async ValueTask<CommandResult> HandleAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var command = (ReceiptsCommand)invocation.Command;
        var address = invocation.Address;
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == address.WorkspaceId, ct);
        var settings = workspace.Receipts;
        if (command.Action == ReceiptsAction.Show) return CommandResult.Say(Describe(settings, address));

        var role = await directory.RoleOfAsync(address, invocation.User, ct);
        if (!workspace.IsApprover(invocation.User, role == UserRole.Admin))
            return CommandResult.Say(role == UserRole.Unknown
                ? UserDirectoryResolver.RoleNotKnownYet
                : "Only workspace admins (and configured approvers) can change receipt settings. `/receipts` shows the current ones.");

        switch (command.Action)
        {
            case ReceiptsAction.SetChannelHere:
                settings.DefaultChannel = address.WithoutThread();
                break;
            case ReceiptsAction.SetChannel:
                settings.DefaultChannel = address with { ChannelId = command.ChannelId!, ThreadId = null };
                break;
            case ReceiptsAction.ClearChannel:
                settings.DefaultChannel = null;
                break;
            case ReceiptsAction.ToggleTools:
                settings.IncludeTools = command.Enabled!.Value;
                break;
            case ReceiptsAction.ToggleCredits:
                settings.IncludeCredits = command.Enabled!.Value;
                break;
            case ReceiptsAction.ToggleLink:
                settings.IncludeLink = command.Enabled!.Value;
                break;
        }
        await db.SaveChangesAsync(ct);
        return CommandResult.Say("Saved. " + Describe(settings, address));
    }

    public static string Describe(ReceiptSettings settings, ChatAddress here) =>
        $"Receipts without a channel of their own go to {(settings.DefaultChannel is { } c ? Channel(c, here) : "no default channel (set one with `/receipts here`)")}. " +
        $"Tools: {OnOff(settings.IncludeTools)} · credits: {OnOff(settings.IncludeCredits)} · link: {OnOff(settings.IncludeLink)}.";

    /// <summary>A neutral mention: each platform shows it its own way (a channel link on Slack).</summary>
    private static string Channel(ChatAddress channel, ChatAddress here) =>
        ChannelMention.Of(channel.ChannelId, channel.ChannelId == here.ChannelId ? "this channel" : "#" + channel.ChannelId);

    private static string OnOff(bool value) => value ? "on" : "off";
}
