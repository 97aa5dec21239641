using ChatBot.Agent;
using ChatBot.Core.Approvals;
using ChatBot.Core.Monitors;
using ChatBot.Core.Runs;
using ChatBot.Jobs;
using ChatBot.Jobs.Observability;
using ChatBot.Persistence;
using ChatBot.Server.Docs;
using ChatBot.Server.Errors;
using ChatBot.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Ops;

/// <summary>
/// The ops read side: <c>GET /api/dashboard</c> (health, nodes, alerts, credits, runs, monitors, approvals) and
/// <c>GET /api/timeline/runs/{run_id}</c>. Under the <see cref="ChatBot.Server.Auth.AuthPolicies.Ops"/> policy.
/// </summary>
public static class OpsDashboardEndpoints
{
    private const int RecentRuns = 50;
    private const int MonitorAlerts = 5;
    /// <summary>How long a conversation the bot lost stays on the alerts: long enough for an admin to notice.</summary>
    private static readonly TimeSpan GoneChannelShownFor = TimeSpan.FromDays(7);

    public static RouteGroupBuilder MapOpsDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", DashboardAsync).WithTags("Ops").WithName("GetDashboard");
        api.MapGet("/timeline/runs/{run_id}", TimelineAsync).WithTags("Ops").WithName("GetRunTimeline");
        return api;
    }

    private static async Task<IResult> DashboardAsync(OpsStatisticsReader reader, ChatBotDbContext db, ProcessUptime uptime,
        IOptions<JobsOptions> jobs, IOptions<AgentOptions> agent, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var statistics = await reader.ReadAsync(ct);
        var staleAfter = jobs.Value.HeartbeatInterval * 4;
        var nodes = (await db.WorkerNodes.AsNoTracking().ToListAsync(ct))
            .OrderBy(n => n.Id)
            .Select(n => new WorkerNodeDto(n.Id, n.StateAt(now, staleAfter), n.StartedAt, n.LastSeenAt, n.RunningJobs, n.Draining, n.Id == jobs.Value.InstanceName))
            .ToList();
        var alerts = await AlertsAsync(db, nodes, agent.Value, now, ct);
        // A setup notice (no model yet) is not a fault: health degrades only on warnings.
        var status = nodes.All(n => n.State != "active") ? "unhealthy" : alerts.Any(a => a.Severity == AlertDto.WarningSeverity) ? "degraded" : "healthy";
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

    /// <summary>What needs a person, each with where to fix it: a setting's documentation, a run's page, a monitor's row.</summary>
    private static async Task<List<AlertDto>> AlertsAsync(ChatBotDbContext db, List<WorkerNodeDto> nodes, AgentOptions agent, DateTimeOffset now, CancellationToken ct)
    {
        var alerts = new List<AlertDto>();
        if (!agent.HasProvider)
            alerts.Add(AlertDto.Setup("MODEL_NOT_CONFIGURED",
                "No model provider is configured, so every run fails at once. Set Agent__Provider (openai or anthropic) and its API key.",
                ConfigurationDocs.ModelProvider));
        foreach (var node in nodes.Where(n => n.State == "stale"))
            alerts.Add(AlertDto.Warning("NODE_STALE", $"Node {node.Id} has not checked in since {node.LastSeenAt:u}; its in-flight runs are recovered by the others."));
        var hourAgo = now.AddHours(-1);
        var recentFailures = db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Failed && r.UpdatedAt >= hourAgo);
        var failed = await recentFailures.CountAsync(ct);
        if (failed > 0)
        {
            var latest = await recentFailures.OrderByDescending(r => r.UpdatedAt).Select(r => new { r.Id, r.FailureReason }).FirstAsync(ct);
            var reason = latest.FailureReason ?? "no reason recorded";
            alerts.Add(AlertDto.Warning("RUN_FAILURES", $"{Plural(failed, "run")} failed in the last hour. Latest: {reason}",
                ConfigurationDocs.FixFor(reason) ?? $"/runs/{latest.Id}"));
        }
        var failing = await db.Monitors.AsNoTracking().Where(m => m.DeletedAt == null && m.Status == MonitorStatus.Active && m.ConsecutiveFailures > 0)
            .Select(m => new { m.Id, m.Query, m.ConsecutiveFailures }).ToListAsync(ct);
        foreach (var monitor in failing.OrderByDescending(m => m.ConsecutiveFailures).ThenBy(m => m.Id).Take(MonitorAlerts))
        {
            var error = await db.MonitorEvents.AsNoTracking().Where(e => e.MonitorId == monitor.Id && e.Type == MonitorEventType.Error)
                .OrderByDescending(e => e.CreatedAt).Select(e => e.Error).FirstOrDefaultAsync(ct) ?? "no reason recorded";
            alerts.Add(AlertDto.Warning("MONITORS_FAILING",
                $"Monitor {monitor.Query} failed its last {Plural(monitor.ConsecutiveFailures, "check")}: {error}",
                ConfigurationDocs.FixFor(error) ?? $"#monitor-{monitor.Id}"));
        }
        if (failing.Count > MonitorAlerts)
            alerts.Add(AlertDto.Warning("MONITORS_FAILING", $"{Plural(failing.Count - MonitorAlerts, "more monitor")} failing; see Monitors below.", "#monitors"));
        var undelivered = await db.Receipts.AsNoTracking().CountAsync(r => r.Status == Core.Receipts.ReceiptDeliveryStatus.Failed, ct);
        if (undelivered > 0) alerts.Add(AlertDto.Warning("RECEIPTS_UNDELIVERED", $"{Plural(undelivered, "receipt")} could not be posted."));
        alerts.AddRange(await GoneChannelAlertsAsync(db, now, ct));
        return alerts;
    }

    private static async Task<IEnumerable<AlertDto>> GoneChannelAlertsAsync(ChatBotDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        // Receipt settings are stored as JSON, so the filter runs here; workspaces are few.
        var workspaces = await db.Workspaces.AsNoTracking().Select(w => new { w.Id, w.Name, w.Receipts }).ToListAsync(ct);
        return workspaces
            .Where(w => w.Receipts.LastGoneChannel is { } gone && now - gone.At < GoneChannelShownFor)
            .OrderBy(w => w.Id)
            .Select(w =>
            {
                var gone = w.Receipts.LastGoneChannel!;
                var cleared = gone.WasDefault ? " It was the default receipts channel and has been cleared; set a new one with /receipts here." : "";
                return AlertDto.Warning("CHANNEL_GONE",
                    $"The bot can no longer post in {gone.Platform} conversation {gone.ChannelId} of {w.Name} ({gone.Reason}, {gone.At:u}).{cleared}");
            });
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static async Task<IResult> TimelineAsync(string run_id, ChatBotDbContext db, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == run_id, ct);
        if (run is null) return ApiErrors.Result(404, "RUN_NOT_FOUND", $"No run {run_id}.");
        var approvals = await db.Approvals.AsNoTracking().Where(a => a.RunId == run.Id).ToListAsync(ct);
        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == run.Id, ct);
        return Results.Json(RunTimelineDto.From(run, approvals, receipt));
    }
}
