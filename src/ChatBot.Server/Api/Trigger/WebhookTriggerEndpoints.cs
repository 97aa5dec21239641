using ChatBot.Core.Runs;
using System.Security.Claims;
using ChatBot.Persistence;
using ChatBot.Server.Api.Runs;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Authorization;

namespace ChatBot.Server.Api.Trigger;

/// <summary>
/// The push/pull webhook-trigger dialect over the same runs as <see cref="TriggerEndpoints"/>:
/// <c>POST /api/v1/workspaces/{workspaceType}/{workspaceId}/query-agent-webhook-trigger</c> with the workspace token
/// in <c>X-Webhook-Secret</c> answers <c>{jobToken, pollUrl, workflowId}</c>; <c>GET …/query-agent-jobs</c> with the
/// job token as Bearer answers 202 running, or 200 completed (with the response) or failed.
/// </summary>
public static class WebhookTriggerEndpoints
{
    public const string SecretHeader = "X-Webhook-Secret";
    private const string Base = "/api/v1/workspaces/{workspaceType}/{workspaceId}";

    public static IEndpointRouteBuilder MapWebhookTrigger(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Base + "/query-agent-webhook-trigger", TriggerAsync).WithTags("Trigger").WithName("WebhookTrigger")
            .Accepts<WebhookTriggerRequest>("application/json").RequireToken(AuthPolicies.Trigger, AuthSchemes.WebhookSecret)
            .ProducesApiErrors([.. ApiErrorMetadata.TokenAuth, .. ApiErrorMetadata.JsonBody, .. RunTriggers.RefusalStatuses]);
        // A job token: none or a forged one is a 401, the throttle a 429; expired or another run's a 403.
        endpoints.MapGet(Base + "/query-agent-jobs", PollAsync).WithTags("Trigger").WithName("WebhookTriggerPoll")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AuthSchemes.JobToken })
            .ProducesApiErrors(400, 401, 403, 404, 429);
        return endpoints;
    }

    private static async Task<Results<Accepted<WebhookTriggerResponse>, ApiProblem>> TriggerAsync(string workspaceType, string workspaceId,
        [AsParameters] TriggerServices services, CancellationToken ct)
    {
        var http = services.Http;
        if (UnknownType(workspaceType) is { } unknown) return unknown;
        var (request, unreadable) = await JsonBody.ReadAsync<WebhookTriggerRequest>(http, ct);
        if (unreadable is not null) return unreadable;
        if (string.IsNullOrWhiteSpace(request!.Query)) return ApiErrors.Result(400, "MISSING_QUERY", "The body needs a 'query' string: the question to ask the agent.");
        if (OtherPlatform(workspaceType, request.ResponseDestination) is { } mismatch) return mismatch;

        var outcome = await services.Triggers.StartAsync(workspaceId, request.ToTriggerRequest(), TriggerEndpoints.IdempotencyKeyOf(http), ct);
        if (outcome.Refusal is { } refusal) return refusal.ToResult();
        var run = outcome.Run!;
        var pollUrl = $"{http.Request.Scheme}://{http.Request.Host}/api/v1/workspaces/{Uri.EscapeDataString(workspaceType)}/{Uri.EscapeDataString(workspaceId)}/query-agent-jobs";
        return TypedResults.Accepted((string?)null, new WebhookTriggerResponse(services.JobTokens.Issue(run.Id, run.WorkspaceId), pollUrl, run.Id));
    }

    private static async Task<Results<Ok<WebhookJobCompleted>, Ok<WebhookJobState>, Accepted<WebhookJobState>, ApiProblem>> PollAsync(HttpContext http, string workspaceType, string workspaceId, ClaimsPrincipal user,
        ChatBotDbContext db, CancellationToken ct)
    {
        if (UnknownType(workspaceType) is { } unknown) return unknown;
        var (run, problem) = await JobTokenRuns.FindAsync(db, user.JobOf()!, null, workspaceId, ct);
        if (problem is not null) return problem;

        if (!run!.IsTerminal)
        {
            RunStatusEndpoints.SetRetryAfter(http);
            return TypedResults.Accepted((string?)null, new WebhookJobState("running"));
        }
        if (run.Status == RunStatus.Succeeded) return TypedResults.Ok(new WebhookJobCompleted(run.Output));
        return TypedResults.Ok(new WebhookJobState("failed"));
    }

    private static ApiProblem? UnknownType(string workspaceType) => workspaceType is "slack" or "teams"
        ? null
        : ApiErrors.Result(400, "INVALID_WORKSPACE_TYPE", $"The workspace type in the URL is 'slack' or 'teams', not '{workspaceType}'.");

    /// <summary>A Slack channel from a Teams trigger URL (or the reverse) is a mistake the caller should hear about.</summary>
    private static ApiProblem? OtherPlatform(string workspaceType, ResponseDestination? destination) => (workspaceType, destination) switch
    {
        ("teams", { SlackChannelId: not null } or { SlackThreadTs: not null }) => ApiErrors.Result(400, "WRONG_PLATFORM",
            "responseDestination.slackChannelId posts to Slack, but this trigger URL is for a Teams workspace; use teamsConversationId or webhookUrl."),
        ("slack", { TeamsConversationId: not null }) => ApiErrors.Result(400, "WRONG_PLATFORM",
            "responseDestination.teamsConversationId posts to Teams, but this trigger URL is for a Slack workspace; use slackChannelId or webhookUrl."),
        _ => null,
    };
}
