using ChatBot.Core.Runs;
using ChatBot.Server.Api.Runs;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatBot.Server.Api.Trigger;

/// <summary>
/// <c>POST /api/workspace/{workspace_id}/trigger</c>: starts a run from any system. Persisted (with its
/// idempotency key) before the 202; the result is pushed to the named destination or pulled with the job token.
/// </summary>
public static class TriggerEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapTrigger(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/workspace/{workspace_id}/trigger", TriggerAsync).WithTags("Trigger").WithName("TriggerRun")
            .Accepts<TriggerRequest>("application/json").RequireToken(AuthPolicies.Trigger)
            .ProducesApiErrors([.. ApiErrorMetadata.TokenAuth, .. ApiErrorMetadata.JsonBody, .. RunTriggers.RefusalStatuses]);
        return endpoints;
    }

    private static async Task<Results<Accepted<TriggerResponse>, ApiProblem>> TriggerAsync(string workspace_id, [AsParameters] TriggerServices services,
        CancellationToken ct)
    {
        var http = services.Http;
        var (request, unreadable) = await JsonBody.ReadAsync<TriggerRequest>(http, ct);
        if (unreadable is not null) return unreadable;

        var outcome = await services.Triggers.StartAsync(workspace_id, request!, IdempotencyKeyOf(http), ct);
        if (outcome.Refusal is { } refusal) return refusal.ToResult();
        return TypedResults.Accepted((string?)null, ResponseFor(http, outcome.Run!, services.JobTokens));
    }

    public static string? IdempotencyKeyOf(HttpContext http) => http.Request.Headers[IdempotencyHeader].ToString() is { Length: > 0 } key ? key : null;

    private static TriggerResponse ResponseFor(HttpContext http, Run run, JobTokens jobTokens) =>
        new(run.Id, run.EstimatedCredits, run.Metadata.GetValueOrDefault("channel"), "queued",
            $"{http.Request.Scheme}://{http.Request.Host}/api/runs/{run.Id}", jobTokens.Issue(run.Id, run.WorkspaceId));
}
