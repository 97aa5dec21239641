using ChatBot.Core.Common;
using ChatBot.Core.Monitors;
using ChatBot.Core.Runs;
using ChatBot.Jobs.Receipts;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using ChatBot.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Ops;

/// <summary>
/// Operator actions: retry or cancel a run, pause / resume / cancel / run a monitor now, drain a worker node.
/// Each answers with the thing's new state, or 404 / 409 in the ApiError shape.
/// </summary>
public static class OpsActionEndpoints
{
    public static RouteGroupBuilder MapOpsActions(this RouteGroupBuilder ops)
    {
        ops.MapPost("/runs/{run_id}/retry", RetryRunAsync).WithTags("Ops");
        ops.MapPost("/runs/{run_id}/cancel", CancelRunAsync).WithTags("Ops");
        ops.MapPost("/monitors/{monitor_id}/{action}", MonitorActionAsync).WithTags("Ops");
        ops.MapPost("/workers/{node_id}/drain", DrainAsync).WithTags("Ops").Accepts<DrainRequest>("application/json");
        return ops;
    }

    /// <summary>The drain action also at the path operators' tooling knows from other pipelines' ops APIs.</summary>
    public static RouteGroupBuilder MapWorkerDrain(this RouteGroupBuilder api)
    {
        api.MapPost("/workers/{node_id}/drain", DrainAsync).WithTags("Ops").Accepts<DrainRequest>("application/json");
        return api;
    }

    /// <summary>A finished run that did not succeed runs again as a new run with the same request and place.</summary>
    private static async Task<IResult> RetryRunAsync(HttpContext http, string run_id, ChatBotDbContext db, WorkScheduler scheduler, TimeProvider time, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == run_id, ct);
        if (run is null) return ApiErrors.Result(http, 404, "RUN_NOT_FOUND", $"No run {run_id}.");
        if (!run.IsTerminal || run.Status == RunStatus.Succeeded)
            return ApiErrors.Result(http, 409, "RUN_NOT_RETRYABLE", $"Run {run_id} is {WireName.Of(run.Status)}; only failed, denied, canceled or expired runs can be retried.");
        var retry = new Run(run.WorkspaceId, run.Source, run.Request, run.Address, run.RequestedBy, time.GetUtcNow()) { Timezone = run.Timezone };
        foreach (var (key, value) in run.Metadata) retry.Metadata[key] = value;
        retry.Metadata["retry_of"] = run.Id;
        db.Runs.Add(retry);
        await scheduler.SaveAndScheduleAsync(db, s => s.Run(retry.Id), ct);
        return Results.Json(new { ok = true, run_id = retry.Id, retry_of = run.Id, status = retry.Status }, statusCode: 202);
    }

    private static async Task<IResult> CancelRunAsync(HttpContext http, string run_id, ChatBotDbContext db, ReceiptWriter receipts,
        WorkScheduler scheduler, TimeProvider time, CancellationToken ct)
    {
        var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == run_id, ct);
        if (run is null) return ApiErrors.Result(http, 404, "RUN_NOT_FOUND", $"No run {run_id}.");
        if (run.IsTerminal) return ApiErrors.Result(http, 409, "RUN_FINISHED", $"Run {run_id} already ended ({WireName.Of(run.Status)}).");
        run.Cancel("ops", time.GetUtcNow());
        var workspace = await db.Workspaces.SingleAsync(w => w.Id == run.WorkspaceId, ct);
        var receipt = receipts.Create(run, workspace);
        db.Receipts.Add(receipt);
        try
        {
            await scheduler.SaveAndScheduleAsync(db, s => s.ReceiptDelivery(receipt.Id), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiErrors.Result(http, 409, "RUN_CHANGED", $"Run {run_id} moved on while it was being canceled; look again.");
        }
        return Results.Json(new { ok = true, run_id = run.Id, status = run.Status });
    }

    private static async Task<IResult> MonitorActionAsync(HttpContext http, string monitor_id, string action, ChatBotDbContext db,
        WorkScheduler scheduler, TimeProvider time, CancellationToken ct)
    {
        var monitor = await db.Monitors.SingleOrDefaultAsync(m => m.Id == monitor_id && m.DeletedAt == null, ct);
        if (monitor is null) return ApiErrors.Result(http, 404, "MONITOR_NOT_FOUND", $"No monitor {monitor_id}.");
        var now = time.GetUtcNow();
        try
        {
            switch (action)
            {
                case "pause": monitor.Pause(now); break;
                case "resume": monitor.Resume(now); break;
                case "cancel": monitor.Cancel(now); break;
                case "run-now":
                    if (monitor.Status != MonitorStatus.Active)
                        return ApiErrors.Result(http, 409, "MONITOR_NOT_ACTIVE", $"Monitor {monitor_id} is {WireName.Of(monitor.Status)}; resume it first.");
                    scheduler.Schedule(s => s.MonitorCheck(monitor.Id));
                    return Results.Json(new { ok = true, monitor_id = monitor.Id, status = monitor.Status }, statusCode: 202);
                default:
                    return ApiErrors.Result(http, 404, "UNKNOWN_ACTION", $"Monitors take pause, resume, cancel or run-now, not '{action}'.");
            }
            await db.SaveChangesAsync(ct);
        }
        catch (InvalidTransitionException ex)
        {
            return ApiErrors.Result(http, 409, "INVALID_TRANSITION", ex.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiErrors.Result(http, 409, "MONITOR_CHANGED", $"Monitor {monitor_id} changed meanwhile; look again.");
        }
        return Results.Json(new { ok = true, monitor_id = monitor.Id, status = monitor.Status });
    }

    private static async Task<IResult> DrainAsync(HttpContext http, string node_id, ChatBotDbContext db, CancellationToken ct)
    {
        var (request, unreadable) = await JsonBody.ReadAsync<DrainRequest>(http, ct);
        if (unreadable is not null) return unreadable;
        if (request!.Drain is not { } drain) return ApiErrors.Result(http, 400, "INVALID_BODY", "Missing required boolean field: drain (send {\"drain\": true} or {\"drain\": false}).");
        var node = await db.WorkerNodes.SingleOrDefaultAsync(n => n.Id == node_id, ct);
        if (node is null) return ApiErrors.Result(http, 404, "NODE_NOT_FOUND", $"No node {node_id} has checked in.");
        node.SetDraining(drain);
        await db.SaveChangesAsync(ct);
        return Results.Json(new { ok = true, draining = node.Draining, node_id = node.Id });
    }
}

public sealed record DrainRequest([property: System.Text.Json.Serialization.JsonPropertyName("drain")] bool? Drain);
