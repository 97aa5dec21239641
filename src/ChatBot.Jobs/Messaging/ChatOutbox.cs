using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Messaging;

/// <summary>
/// <see cref="IChatOutbox"/> on the message outbox: one row and its <see cref="MessageDeliveryJob"/>, committed
/// together. A context of its own, so nothing the inbox left tracked (a refused duplicate) rides along.
/// </summary>
public sealed class ChatOutbox(IDbContextFactory<ChatBotDbContext> factory, WorkScheduler scheduler, TimeProvider time) : IChatOutbox
{
    public async Task SendAsync(ChatAddress to, ChatView view, CancellationToken ct, string? replaceMessageId = null)
    {
        await using var db = factory.CreateDbContext();
        var now = time.GetUtcNow();
        var message = new OutboundMessage(to, view, now);
        if (replaceMessageId is not null)
        {
            // Every message the bot posts is an outbox row; the update follows the row that posted the one to replace.
            // (Only old Teams clients take this path, so an unindexed look-up is fine.)
            var candidates = await db.OutboundMessages.AsNoTracking()
                .Where(m => m.SentMessageId == replaceMessageId).OrderByDescending(m => m.CreatedAt).Take(5).ToListAsync(ct);
            var posted = candidates.FirstOrDefault(m => m.To.WorkspaceId == to.WorkspaceId);
            if (posted is null) return; // not ours (or long purged): nothing to update
            message = OutboundMessage.Following(posted, OutboundRelation.Replaces, to, view, now);
        }
        db.OutboundMessages.Add(message);
        await scheduler.SaveAndScheduleAsync(db, s => s.MessageDelivery(message.Id), ct);
    }
}
