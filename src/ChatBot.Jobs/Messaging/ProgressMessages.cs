using ChatBot.Core.Messaging;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Messaging;

/// <summary>A run's progress rows form a chain (each replaces the message of the one before); the last one is what a new report or the answer replaces.</summary>
public static class ProgressMessages
{
    public static Task<OutboundMessage?> LastAsync(ChatBotDbContext db, string runId, CancellationToken ct) =>
        db.OutboundMessages.AsNoTracking()
            .Where(m => m.Purpose == OutboundPurpose.Progress && m.SubjectId == runId)
            .Where(m => !db.OutboundMessages.Any(next => next.DependsOnId == m.Id && next.Purpose == OutboundPurpose.Progress))
            .FirstOrDefaultAsync(ct);
}
