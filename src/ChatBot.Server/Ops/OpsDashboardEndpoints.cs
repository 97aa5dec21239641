using ChatBot.Core.Approvals;
using ChatBot.Core.Monitors;
using ChatBot.Core.Runs;
using ChatBot.Jobs;
using ChatBot.Jobs.Observability;
using ChatBot.Persistence;
using ChatBot.Server.Errors;
using ChatBot.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Ops;

/// <summary>
/// The ops read side: <c>GET /api/dashboard</c> (health, nodes, alerts, credits, runs, monitors, approvals) and
/// <c>GET /api/timeline/runs/{run_id}</c>. Behind <see cref="OpsAuthFilter"/>.
/// </summary>
public static class OpsDashboardEndpoints
{
    private const int RecentRuns = 50;

    public static RouteGroupBuilder MapOpsDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", DashboardAsync).WithTags("Ops").WithName("GetDashboard");
        api.MapGet("/timeline/runs/{run_id}", TimelineAsync).WithTags("Ops").WithName("GetRunTimeline");
        return api;
    }

    private static async Task<IResult> DashboardAsync(OpsStatisticsReader reader, ChatBotDbContext db, ProcessUptime uptime,
        IOptions<JobsOptions> jobs, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var statistics = await reader.ReadAsync(ct);
        var staleAfter = jobs.Value.HeartbeatInterval * 4;
        var nodes = (await db.WorkerNodes.AsNoTracking().ToListAsync(ct))
            .OrderBy(n => n.Id)
            .Select(n => new WorkerNodeDto(n.Id, n.StateAt(now, staleAfter), n.StartedAt, n.LastSeenAt, n.RunningJobs, n.Draining, n.Id == jobs.Value.InstanceName))
            .ToList();
        var alerts = await AlertsAsync(db, nodes, jobs.Value, now, ct);
        var status = nodes.All(n => n.State != "active") ? "unhealthy" : alerts.Count > 0 ? "degraded" : "healthy";
        var runs = (await db.Runs.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(RecentRuns).ToListAsync(ct)).Select(RunSummaryDto.From).ToList();
        var approvals = (await db.Approvals.AsNoTracking().Where(a => a.Status == ApprovalStatus.Pending).ToListAsync(ct))
            .OrderBy(a => a.ExpiresAt)
            .Select(a => new PendingApprovalDto(a.Id, a.RunId, a.WorkspaceId, a.ActionText, a.RequestedBy?.DisplayName, a.EstimatedCredits, a.CreatedAt, a.ExpiresAt))
            .ToList();
        var monitors = (await db.Monitors.AsNoTracking().Where(m => m.DeletedAt == null).ToListAsync(ct))
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new MonitorSummaryDto(m.Id, m.WorkspaceId, m.Query, m.Kind, m.Cadence, m.Status, m.LastRunAt, m.ConsecutiveFailures))
            .ToList();
        return Results.Json(new DashboardDto(status, uptime.Seconds, nodes, alerts, statistics.CreditsTotal, statistics.CreditsByWindow,
            statistics.CreditsByWorkspace, statistics.RunsByState, statistics.MonitorsByState, statistics.PendingApprovals, runs, approvals, monitors));
    }

    private static async Task<List<AlertDto>> AlertsAsync(ChatBotDbContext db, List<WorkerNodeDto> nodes, JobsOptions jobs, DateTimeOffset now, CancellationToken ct)
    {
        var alerts = new List<AlertDto>();
        foreach (var node in nodes.Where(n => n.State == "stale"))
            alerts.Add(new AlertDto("NODE_STALE", $"Node {node.Id} has not checked in since {node.LastSeenAt:u}; its in-flight runs are recovered by the others."));
        var hourAgo = now.AddHours(-1);
        var failed = await db.Runs.AsNoTracking().CountAsync(r => r.Status == RunStatus.Failed && r.UpdatedAt >= hourAgo, ct);
        if (failed >= 5) alerts.Add(new AlertDto("RUN_FAILURES", $"{failed} runs failed in the last hour."));
        var failing = await db.Monitors.AsNoTracking().CountAsync(m => m.DeletedAt == null && m.Status == MonitorStatus.Active && m.ConsecutiveFailures >= jobs.MonitorFailureThreshold, ct);
        if (failing > 0) alerts.Add(new AlertDto("MONITORS_FAILING", $"{failing} monitors have failed {jobs.MonitorFailureThreshold}+ checks in a row."));
        var undelivered = await db.Receipts.AsNoTracking().CountAsync(r => r.Status == Core.Receipts.ReceiptDeliveryStatus.Failed, ct);
        if (undelivered > 0) alerts.Add(new AlertDto("RECEIPTS_UNDELIVERED", $"{undelivered} receipts could not be posted."));
        return alerts;
    }

    private static async Task<IResult> TimelineAsync(HttpContext http, string run_id, ChatBotDbContext db, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == run_id, ct);
        if (run is null) return ApiErrors.Result(http, 404, "RUN_NOT_FOUND", $"No run {run_id}.");
        var approvals = await db.Approvals.AsNoTracking().Where(a => a.RunId == run.Id).ToListAsync(ct);
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == run.Id, ct);
        return Results.Json(RunTimelineDto.From(run, approvals, receipt));
    }
}
