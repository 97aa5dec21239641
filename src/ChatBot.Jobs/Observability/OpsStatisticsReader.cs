using ChatBot.Core.Approvals;
using ChatBot.Core.Common;
using ChatBot.Core.Monitors;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Observability;

/// <summary>Reads <see cref="OpsStatistics"/> with grouped queries (no row is loaded).</summary>
public sealed class OpsStatisticsReader(ChatBotDbContext db, TimeProvider time)
{
    private static readonly (string Name, TimeSpan Span)[] Windows = [("1h", TimeSpan.FromHours(1)), ("24h", TimeSpan.FromHours(24)), ("7d", TimeSpan.FromDays(7))];

    public async Task<OpsStatistics> ReadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var runs = await db.Runs.AsNoTracking().GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var monitors = await db.Monitors.AsNoTracking().Where(m => m.DeletedAt == null).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var pending = await db.Approvals.AsNoTracking().LongCountAsync(a => a.Status == ApprovalStatus.Pending, ct);
        var receipts = await db.Receipts.AsNoTracking().GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        // A check makes one completion or error row, or several event rows sharing a group: count checks, in the database.
        var quietOrFailed = await db.MonitorEvents.AsNoTracking().Where(e => e.Type != MonitorEventType.Event)
            .GroupBy(e => e.Type).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        var detected = await db.MonitorEvents.AsNoTracking().Where(e => e.Type == MonitorEventType.Event)
            .Select(e => e.EventGroupId).Distinct().LongCountAsync(ct);
        var credits = await db.Runs.AsNoTracking().SumAsync(r => (long)r.CreditsUsed, ct);
        var byWindow = new Dictionary<string, long>();
        foreach (var (name, span) in Windows)
        {
            var since = now - span;
            byWindow[name] = await db.Runs.AsNoTracking().Where(r => r.UpdatedAt >= since).SumAsync(r => (long)r.CreditsUsed, ct);
        }
        var byWorkspace = await db.Runs.AsNoTracking().GroupBy(r => r.WorkspaceId).Select(g => new { g.Key, Credits = g.Sum(r => (long)r.CreditsUsed) }).ToListAsync(ct);

        return new OpsStatistics(
            runs.ToDictionary(r => WireName.Of(r.Key), r => r.Count),
            monitors.ToDictionary(m => WireName.Of(m.Key), m => m.Count),
            pending,
            receipts.ToDictionary(r => WireName.Of(r.Key), r => r.Count),
            quietOrFailed.ToDictionary(r => WireName.Of(r.Key), r => r.Count).Append(new(WireName.Of(MonitorEventType.Event), detected)).Where(p => p.Value > 0).ToDictionary(),
            credits,
            byWindow,
            byWorkspace.ToDictionary(w => w.Key, w => w.Credits));
    }
}
