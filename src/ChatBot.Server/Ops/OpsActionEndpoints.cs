using ChatBot.Core.Runs;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Monitors;
using ChatBot.Jobs.Application.Runs;
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
    private static async Task<IResult> RetryRunAsync(string run_id, RunControl runs, CancellationToken ct)
    {
        var outcome = await runs.RetryAsync(run_id, ct);
        if (!outcome.IsChanged) return RunRefusal(outcome, "RUN_NOT_RETRYABLE");
        var retry = outcome.Subject!;
        return Results.Json(new { ok = true, run_id = retry.Id, retry_of = run_id, status = retry.Status }, statusCode: 202);
    }

    private static async Task<IResult> CancelRunAsync(string run_id, RunControl runs, CancellationToken ct)
    {
        var outcome = await runs.CancelAsync(run_id, "ops", ct);
        return outcome.IsChanged
            ? Results.Json(new { ok = true, run_id = outcome.Subject!.Id, status = outcome.Subject.Status })
            : RunRefusal(outcome, "RUN_FINISHED");
    }

    private static IResult RunRefusal(Outcome<Run> outcome, string refusedCode) => outcome.Kind switch
    {
        OutcomeKind.NotFound => ApiErrors.Result(404, "RUN_NOT_FOUND", outcome.Reason!),
        OutcomeKind.Busy => ApiErrors.Result(409, "RUN_CHANGED", outcome.Reason!),
        _ => ApiErrors.Result(409, refusedCode, outcome.Reason!),
    };

    private static async Task<IResult> MonitorActionAsync(string monitor_id, string action, MonitorLifecycle monitors, CancellationToken ct)
    {
        MonitorChange? change = action switch
        {
            "pause" => MonitorChange.Pause,
            "resume" => MonitorChange.Resume,
            "cancel" => MonitorChange.Cancel,
            _ => null,
        };
        if (change is null && action != "run-now")
            return ApiErrors.Result(404, "UNKNOWN_ACTION", $"Monitors take pause, resume, cancel or run-now, not '{action}'.");
        var monitor = await monitors.FindAsync(monitor_id, workspaceId: null, ct);
        var outcome = change is { } move ? await monitors.ChangeAsync(monitor, move, ct) : monitors.RunNow(monitor);
        return outcome.Kind switch
        {
            OutcomeKind.Changed => Results.Json(new { ok = true, monitor_id = outcome.Subject!.Id, status = outcome.Subject.Status },
                statusCode: change is null ? 202 : 200),
            OutcomeKind.NotFound => ApiErrors.Result(404, "MONITOR_NOT_FOUND", $"No monitor {monitor_id}."),
            OutcomeKind.InvalidTransition when change is null => ApiErrors.Result(409, "MONITOR_NOT_ACTIVE", outcome.Reason!),
            OutcomeKind.AlreadyInState => ApiErrors.Result(409, "ALREADY_IN_STATE", outcome.Reason!),
            OutcomeKind.Busy => ApiErrors.Result(409, "MONITOR_CHANGED", outcome.Reason!),
            _ => ApiErrors.Result(409, "INVALID_TRANSITION", outcome.Reason!),
        };
    }

    private static async Task<IResult> DrainAsync(HttpContext http, string node_id, ChatBotDbContext db, CancellationToken ct)
    {
        var (request, unreadable) = await JsonBody.ReadAsync<DrainRequest>(http, ct);
        if (unreadable is not null) return unreadable;
        if (request!.Drain is not { } drain) return ApiErrors.Result(400, "INVALID_BODY", "Missing required boolean field: drain (send {\"drain\": true} or {\"drain\": false}).");
        var node = await db.WorkerNodes.SingleOrDefaultAsync(n => n.Id == node_id, ct);
        if (node is null) return ApiErrors.Result(404, "NODE_NOT_FOUND", $"No node {node_id} has checked in.");
        node.SetDraining(drain);
        await db.SaveChangesAsync(ct);
        return Results.Json(new { ok = true, draining = node.Draining, node_id = node.Id });
    }
}

public sealed record DrainRequest([property: System.Text.Json.Serialization.JsonPropertyName("drain")] bool? Drain);
