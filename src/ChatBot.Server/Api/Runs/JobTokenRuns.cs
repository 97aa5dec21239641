using ChatBot.Core.Runs;
using ChatBot.Persistence;
using ChatBot.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Runs;

/// <summary>
/// Finds the run an authenticated job token may read, for both poll dialects: 403 when it has expired or names another
/// workspace or run, 404 when its run does not exist.
/// </summary>
public static class JobTokenRuns
{
    /// <param name="runId">The run the URL names, or null when the token alone names it.</param>
    /// <param name="workspaceId">The workspace the URL names, or null when it names none.</param>
    public static async Task<(Run? Run, ApiProblem? Problem)> FindAsync(ChatBotDbContext db,
        JobTokenClaim claim, string? runId, string? workspaceId, CancellationToken ct)
    {
        if (claim.Expired)
            return (null, ApiErrors.Result(403, "TOKEN_EXPIRED", "The job token has expired (they last about an hour); trigger again for a fresh one."));
        if (workspaceId is not null && claim.WorkspaceId != workspaceId)
            return (null, ApiErrors.Result(403, "WRONG_WORKSPACE", "That job token is for another workspace."));
        var wanted = runId ?? claim.RunId;
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == wanted, ct);
        if (run is null) return (null, ApiErrors.Result(404, "RUN_NOT_FOUND", $"No run {wanted}."));
        if (run.Id != claim.RunId) return (null, ApiErrors.Result(403, "WRONG_RUN", "That job token is for another run."));
        return (run, null);
    }
}
