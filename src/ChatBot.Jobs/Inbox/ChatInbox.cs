using ChatBot.Core.Inbound;
using ChatBot.Core.Chat;
using ChatBot.Jobs.Inbox.GroupCommit;
using ChatBot.Jobs.Users;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatBot.Jobs.Inbox;

/// <summary>
/// The single entry point of every adapter. The delivery id is recorded in the same unit of work as whatever
/// the handler persists, so a retried or duplicated delivery (another node, a restart) does nothing twice.
/// Handlers save before any effect outside the database, so a duplicate is refused before it has one.
/// </summary>
public sealed class ChatInbox(
    IServiceProvider services,
    ChatBotDbContext db,
    IDbContextFactory<ChatBotDbContext> factory,
    WorkspaceDirectory workspaces,
    KnownUserSightings users,
    TimeProvider time,
    ILogger<ChatInbox> logger) : IChatInbox
{
    public async ValueTask<CommandResult> HandleCommandAsync(CommandInvocation invocation, CancellationToken ct)
    {
        var handler = services.GetRequiredKeyedService<ICommandHandler>(invocation.Command.GetType());
        if (handler is not IGroupCommitHandler)
            return await HandleOnceAsync(invocation.DeliveryId, invocation.Address, invocation.User, () => handler.HandleAsync(invocation, ct), ct);
        // Its delivery row commits with its own rows in the writer's batch, which also refuses a duplicate.
        await NoteSenderAsync(invocation.Address, invocation.User, ct);
        return await handler.HandleAsync(invocation, ct);
    }

    public ValueTask<CommandResult> HandleActionAsync(ButtonAction action, CancellationToken ct) =>
        HandleOnceAsync(action.DeliveryId, action.Address, action.User, () =>
        {
            var handler = services.GetKeyedService<IActionHandler>(action.ActionId);
            return handler?.HandleAsync(action, ct) ?? ValueTask.FromResult(CommandResult.Say("That button is no longer supported."));
        }, ct);

    private async ValueTask<CommandResult> HandleOnceAsync(string deliveryId, ChatAddress address, ChatUser user, Func<ValueTask<CommandResult>> handle, CancellationToken ct)
    {
        // No look-up first: duplicates are rare (a retry, another node), and the delivery row's key refuses the
        // second one in the same commit as its effects, so a first delivery costs no extra round trip.
        await NoteSenderAsync(address, user, ct);
        db.InboundDeliveries.Add(new InboundDelivery(deliveryId, time.GetUtcNow()));
        try
        {
            var result = await handle();
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DbUpdateException)
        {
            // The same delivery raced in on another request or node, and won: expected traffic, not a failure.
            if (!await WasDeliveredAsync(deliveryId, ct)) throw;
            logger.LogDebug("Delivery {DeliveryId} was already handled; the duplicate is ignored", deliveryId);
            return CommandResult.Nothing;
        }
    }

    /// <summary>Known workspaces and fresh roles answer from memory; a person's first click has their role look-up already on its way.</summary>
    private async ValueTask NoteSenderAsync(ChatAddress address, ChatUser user, CancellationToken ct)
    {
        await workspaces.EnsureExistsAsync(address.WorkspaceId, ct);
        await users.NoteAsync(address, user, ct);
    }

    private async Task<bool> WasDeliveredAsync(string deliveryId, CancellationToken ct)
    {
        await using var fresh = factory.CreateDbContext();
        return await fresh.InboundDeliveries.AnyAsync(d => d.Id == deliveryId, ct);
    }
}
