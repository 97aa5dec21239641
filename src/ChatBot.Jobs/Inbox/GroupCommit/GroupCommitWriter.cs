using System.Threading.Channels;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatBot.Jobs.Inbox.GroupCommit;

/// <summary>
/// Group commit for inbound commands: concurrent requests hand their rows to this one writer, which stores everything
/// queued so far in one transaction (one multi-row statement per table) and answers each request once that batch has
/// committed, so the ack stays durable while a busy node pays one commit per batch instead of one per request.
/// Batches form by themselves: whatever queues while a batch is being written is the next batch, and a lone request
/// is written at once (no timer). A delivery id taken earlier in the batch or already in the table is refused for that
/// row only; a batch that fails for any other reason is written again one command at a time, so one bad row fails
/// only its own request.
/// </summary>
public sealed class GroupCommitWriter(IDbContextFactory<ChatBotDbContext> factory, ILogger<GroupCommitWriter> logger) : IAsyncDisposable
{
    /// <summary>Bounds one statement's parameters (a monitor row has about 20) well under both providers' limits.</summary>
    private const int MaxBatch = 256;

    private readonly Channel<PendingCommand> _queue = Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;
    private int _started;

    /// <summary>Queues the rows and completes once they are committed (or refused); a failure to store throws here.</summary>
    public Task<CommandWrite> WriteAsync(CommandRows rows, CancellationToken ct)
    {
        var pending = new PendingCommand(rows);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(GroupCommitWriter), "The server is stopping.");
        // Started by the first command rather than by the host, so the writer works wherever the inbox is resolved.
        if (Interlocked.Exchange(ref _started, 1) == 0) _loop = Task.Run(RunAsync, CancellationToken.None);
        // A request that goes away still has its rows written: it only stops waiting for them.
        return pending.Completion.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingCommand>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingCommand> batch)
    {
        try
        {
            await StoreAsync(batch);
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            logger.LogWarning(ex, "A batch of {Count} commands could not be stored together; storing them one at a time", batch.Count);
            foreach (var one in batch) await WriteBatchAsync([one]);
        }
        catch (Exception ex)
        {
            batch[0].Completion.TrySetException(ex);
        }
    }

    private async Task StoreAsync(IReadOnlyList<PendingCommand> batch)
    {
        var results = new CommandWrite[batch.Count];
        await using var db = await factory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        // A delivery id twice in one batch: the first one counts, as it would have had it come first alone.
        var firsts = new List<int>(batch.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < batch.Count; i++)
            if (seen.Add(batch[i].Rows.Delivery.Id)) firsts.Add(i);
        var recorded = await MultiRowInsert.For<InboundDelivery>(db)
            .InsertNewAsync(db, firsts.Select(i => batch[i].Rows.Delivery).ToList(), CancellationToken.None);

        var accepted = firsts.Where(i => recorded.Contains(batch[i].Rows.Delivery.Id)).ToList();
        var watched = await WatchedAsync(db, accepted.Select(i => batch[i].Rows.NewMonitor).OfType<Monitor>().ToList());
        var monitors = new List<Monitor>();
        foreach (var i in accepted)
        {
            if (batch[i].Rows.NewMonitor is not { } monitor)
            {
                results[i] = new CommandWrite(CommandWriteKind.Stored);
            }
            else if (watched.TryGetValue(WatchKey.Of(monitor), out var existing))
            {
                results[i] = new CommandWrite(CommandWriteKind.AlreadyWatched, existing);
            }
            else
            {
                // A later command in this batch for the same channel and query gets this one back.
                watched[WatchKey.Of(monitor)] = monitor;
                monitors.Add(monitor);
                results[i] = new CommandWrite(CommandWriteKind.Stored, monitor);
            }
        }
        await MultiRowInsert.For<Monitor>(db).InsertAsync(db, monitors, CancellationToken.None);
        await transaction.CommitAsync();

        for (var i = 0; i < batch.Count; i++)
            batch[i].Completion.TrySetResult(results[i] ?? new CommandWrite(CommandWriteKind.DuplicateDelivery));
    }

    /// <summary>The live monitors (oldest first per channel and query) that already watch what the new ones would: one query per batch.</summary>
    private static async Task<Dictionary<WatchKey, Monitor>> WatchedAsync(ChatBotDbContext db, List<Monitor> wanted)
    {
        var watched = new Dictionary<WatchKey, Monitor>();
        var inChannels = wanted.Where(m => m.ChannelId is not null).ToList();
        if (inChannels.Count == 0) return watched;
        var workspaces = inChannels.Select(m => m.WorkspaceId).Distinct().ToList();
        var channels = inChannels.Select(m => m.ChannelId!).Distinct().ToList();
        var queries = inChannels.Select(m => m.Query).Distinct().ToList();
        var found = await db.Monitors.AsNoTracking()
            .Where(m => workspaces.Contains(m.WorkspaceId) && channels.Contains(m.ChannelId!) && queries.Contains(m.Query)
                && m.Status != MonitorStatus.Canceled && m.DeletedAt == null)
            .OrderBy(m => m.CreatedAt)
            .ToListAsync();
        foreach (var monitor in found) watched.TryAdd(WatchKey.Of(monitor), monitor);
        return watched;
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever is queued is still written before the process stops.
        _queue.Writer.TryComplete();
        if (_loop is { } loop) await loop;
    }

    private readonly record struct WatchKey(string WorkspaceId, string? ChannelId, string Query)
    {
        public static WatchKey Of(Monitor monitor) => new(monitor.WorkspaceId, monitor.ChannelId, monitor.Query);
    }
}
