using System.Text.Json;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using System.Security.Claims;
using ChatBot.Persistence;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Runs;

/// <summary>
/// <c>GET /api/runs/{run_id}</c>: the pull half of the trigger API, readable with the run's job token or a
/// workspace token. 202 with Retry-After while the run is in flight, 200 once it has finished.
/// </summary>
public static class RunStatusEndpoints
{
    public const int RetryAfterSeconds = 5;

    public static IEndpointRouteBuilder MapRunStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/runs/{run_id}", GetAsync).WithTags("Runs").WithName("GetRun").RequireToken(AuthPolicies.AnyToken, AuthSchemes.RunReader)
            .ProducesApiErrors([.. ApiErrorMetadata.TokenAuth, 404]);
        return endpoints;
    }

    /// <remarks>The policy has counted the request against the token's rate (a job token's, against its run) before the look-up, so polling unknown runs is limited like any other.</remarks>
    private static async Task<Results<Ok<RunResult>, Accepted<RunProgress>, ApiProblem>> GetAsync(HttpContext http, string run_id, ClaimsPrincipal user, ChatBotDbContext db, CancellationToken ct)
    {
        Run? run;
        if (user.JobOf() is { } job)
        {
            (run, var problem) = await JobTokenRuns.FindAsync(db, job, run_id, null, ct);
            if (problem is not null) return problem;
        }
        else
        {
            run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == run_id, ct);
            if (run is null) return ApiErrors.Result(404, "RUN_NOT_FOUND", $"No run {run_id}.");
            if (run.WorkspaceId != user.WorkspaceIdOf()) return ApiErrors.Result(403, "WRONG_WORKSPACE", "This run belongs to another workspace.");
        }

        if (!run!.IsTerminal)
        {
            SetRetryAfter(http);
            return TypedResults.Accepted((string?)null,
                new RunProgress(run.Id, "running", StateName(run.Status), run.CreditsUsed, run.Output, run.Node, run.Attempt));
        }

        var receipt = await db.Receipts.AsNoTracking().SingleOrDefaultAsync(r => r.RunId == run.Id, ct);
        return TypedResults.Ok(new RunResult(run.Id, FinishedName(run.Status), run.Output, run.FailureReason, run.CreditsUsed, run.Node, run.Attempt,
            receipt is null ? null : JsonSerializer.Deserialize<RunReceipt>(receipt.RunReceiptJson)));
    }

    /// <summary>How long a poller should wait before asking about a running run again.</summary>
    public static void SetRetryAfter(HttpContext http) =>
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string StateName(RunStatus status) => JsonSerializer.Serialize(status).Trim('"');

    public static string FinishedName(RunStatus status) => status == RunStatus.Succeeded ? "completed" : StateName(status);
}
