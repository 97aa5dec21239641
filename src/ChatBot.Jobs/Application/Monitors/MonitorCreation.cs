using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Inbox.GroupCommit;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Application.Monitors;

/// <summary>
/// Creating a monitor, for chat commands and the Monitor API alike: the query must be one the checker supports; the
/// monitor is stored due at once, and the due-monitor poller starts its checks (the first posts the root message).
/// </summary>
public sealed class MonitorCreation(ChatBotDbContext db, IMonitorChecker checker, GroupCommitWriter writer, TimeProvider time)
{
    /// <summary>Why the checker cannot watch this query, or null when it can.</summary>
    public string? ExplainUnsupported(string query) => checker.ExplainUnsupported(query, MonitorClassifier.Classify(query));

    /// <returns>
    /// Changed with the new monitor; NotAllowed when the query is unsupported; AlreadyInState with the channel's
    /// monitor of the same query when <see cref="NewMonitor.ReuseWatchedQuery"/> is set.
    /// </returns>
    public async Task<Outcome<Monitor>> CreateAsync(NewMonitor request, CancellationToken ct)
    {
        if (ExplainUnsupported(request.Query) is { } why) return Outcome<Monitor>.NotAllowed(why);
        if (request.ReuseWatchedQuery && request.Channel is { } channel && await WatchingAsync(request.WorkspaceId, channel.ChannelId, request.Query, ct) is { } existing)
            return Outcome<Monitor>.AlreadyInState(existing, "This channel already monitors that query.");

        var monitor = NewRow(request);
        db.Monitors.Add(monitor);
        await db.SaveChangesAsync(ct);
        return Outcome<Monitor>.Changed(monitor);
    }

    /// <summary>
    /// A chat command's monitor, for a query <see cref="ExplainUnsupported"/> accepts: stored with the command's delivery
    /// row by the group-commit writer, which answers with the channel's monitor of the same query instead when there is
    /// one (looked up in the batch's transaction), and refuses a delivery id already taken.
    /// </summary>
    public Task<CommandWrite> CreateForCommandAsync(NewMonitor request, string deliveryId, CancellationToken ct) =>
        writer.WriteAsync(new CommandRows(new InboundDelivery(deliveryId, time.GetUtcNow()), NewRow(request)), ct);

    private Monitor NewRow(NewMonitor request) =>
        // Stamped as the database keeps it, so created_at reads the same now and in every later read.
        new(request.WorkspaceId, request.Query, request.Cadence, MonitorClassifier.Classify(request.Query),
            request.Channel?.WithoutThread(), request.Owner, db.AsStored(time.GetUtcNow()))
        {
            Webhook = request.Webhook,
            Metadata = request.Metadata,
            OutputSchema = request.OutputSchema,
        };

    private Task<Monitor?> WatchingAsync(string workspaceId, string channelId, string query, CancellationToken ct) =>
        db.Monitors.AsNoTracking()
            .Where(m => m.WorkspaceId == workspaceId && m.ChannelId == channelId && m.Query == query
                && m.Status != MonitorStatus.Canceled && m.DeletedAt == null)
            .OrderBy(m => m.CreatedAt)
            .FirstOrDefaultAsync(ct);
}
