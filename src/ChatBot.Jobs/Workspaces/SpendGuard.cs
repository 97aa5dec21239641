using ChatBot.Core.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Jobs.Workspaces;

/// <summary>Stops new runs in a workspace that has spent its monthly cap; the cap resets on the 1st (UTC).</summary>
public sealed class SpendGuard(TimeProvider time)
{
    public async Task<SpendCheck> CheckAsync(ChatBotDbContext db, Workspace workspace, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var reset = Workspace.NextSpendReset(now);
        if (workspace.MonthlySpendCap is not { } cap) return new SpendCheck(true, 0, null, reset);
        var monthStart = reset.AddMonths(-1);
        var spent = await db.Runs.Where(r => r.WorkspaceId == workspace.Id && r.CreatedAt >= monthStart).SumAsync(r => r.CreditsUsed, ct);
        return new SpendCheck(spent < cap, spent, cap, reset);
    }
}
