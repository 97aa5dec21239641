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
        var message = new OutboundMessage(to, view, time.GetUtcNow(), replaceMessageId);
        db.OutboundMessages.Add(message);
        await scheduler.SaveAndScheduleAsync(db, s => s.MessageDelivery(message.Id), ct);
    }
}
