using ChatBot.Agent.Egress;
using System.Text.Json;
using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using ChatBot.Server.Api.Runs;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Trigger;

/// <summary>
/// <c>POST /api/workspace/{workspace_id}/trigger</c>: starts a run from any system. Persisted (with its
/// idempotency key) before the 202; the result is pushed to the named destination or pulled with the job token.
/// </summary>
public static class TriggerEndpoints
{
    public const int MaxTaskLength = 8000;
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapTrigger(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/workspace/{workspace_id}/trigger", TriggerAsync).WithTags("Trigger").WithName("TriggerRun");
        return endpoints;
    }

    private static async Task<IResult> TriggerAsync(HttpContext http, string workspace_id, WorkspaceAccess access,
        ChatBotDbContext db, SpendGuard spend, RunEstimator estimator, WorkScheduler scheduler, JobTokens jobTokens, EgressPolicy egress, TimeProvider time, CancellationToken ct)
    {
        var (_, denied) = await access.AuthorizeAsync(http, workspace_id, TokenScopes.Trigger, ct);
        if (denied is not null) return denied;

        var (request, problem) = await ReadAsync(http, ct);
        if (problem is not null) return problem;
        var task = (request!.Task ?? request.Query)?.Trim();
        if (string.IsNullOrEmpty(task)) return ApiErrors.Result(http, 400, "MISSING_TASK", "The body needs a 'task' (or 'query') string.");
        if (task.Length > MaxTaskLength) return ApiErrors.Result(http, 400, "TASK_TOO_LONG", $"Keep the task under {MaxTaskLength} characters.");
        if (request.Timezone is { } tz && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
            return ApiErrors.Result(http, 400, "INVALID_TIMEZONE", $"'{tz}' is not an IANA time zone (e.g. America/Los_Angeles).");
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length > 200) return ApiErrors.Result(http, 400, "INVALID_IDEMPOTENCY_KEY", "Idempotency keys are at most 200 characters.");

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspace_id, ct);
        if (workspace.Suspended) return ApiErrors.Result(http, 403, "WORKSPACE_SUSPENDED", "This workspace is suspended.");
        var destination = request.ResponseDestination;
        Uri? webhook = null;
        if (destination?.WebhookUrl is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out webhook) || webhook.Scheme != Uri.UriSchemeHttps)
                return ApiErrors.Result(http, 400, "INVALID_WEBHOOK_URL", "webhookUrl must be an absolute https URL.");
            if (egress.Refusal(webhook) is { } refused) return ApiErrors.Result(http, 422, "EGRESS_REFUSED", $"webhookUrl is {refused}.");
            if (!workspace.AllowsWebhook(webhook))
                return ApiErrors.Result(http, 403, "WEBHOOK_NOT_ALLOWLISTED", "That webhookUrl is not on this workspace's allowlist; an admin can add it through the admin API.");
        }

        var deliveryId = key.Length > 0 ? $"trigger:{workspace_id}:{key}" : null;
        if (deliveryId is not null && await ReplayAsync(http, db, deliveryId, jobTokens, ct) is { } replay) return replay;

        var budget = await spend.CheckAsync(db, workspace, ct);
        if (!budget.Allowed) return ApiErrors.SpendCapReached(http, budget.Explanation, budget.ResetsAt);

        var run = new Run(workspace_id, RunSource.Api, task, AddressOf(workspace_id, request), null, time.GetUtcNow())
        {
            EstimatedCredits = estimator.Estimate(task),
            Timezone = request.Timezone,
        };
        RecordMetadata(run, request, webhook);
        db.Runs.Add(run);
        if (deliveryId is not null) db.InboundDeliveries.Add(new InboundDelivery(deliveryId, time.GetUtcNow(), run.Id));
        try
        {
            await scheduler.SaveAndScheduleAsync(db, s => s.Run(run.Id), ct);
        }
        catch (DbUpdateException) when (deliveryId is not null)
        {
            db.ChangeTracker.Clear();
            if (await ReplayAsync(http, db, deliveryId, jobTokens, ct) is { } raced) return raced;
            throw;
        }
        return Results.Json(ResponseFor(http, run, request.Channel, jobTokens), statusCode: 202);
    }

    private static async Task<(TriggerRequest?, IResult?)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            return (null, ApiErrors.Result(http, 415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."));
        try
        {
            var request = await http.Request.ReadFromJsonAsync<TriggerRequest>(ct);
            return request is null ? (null, ApiErrors.Result(http, 400, "MISSING_BODY", "Send a JSON object with a 'task'.")) : (request, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiErrors.Result(http, 400, "INVALID_JSON", $"The body is not the expected JSON: {ex.Message}"));
        }
    }

    private static async Task<IResult?> ReplayAsync(HttpContext http, ChatBotDbContext db, string deliveryId, JobTokens jobTokens, CancellationToken ct)
    {
        var seen = await db.InboundDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (seen?.RunId is not { } runId) return null;
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        run.Metadata.TryGetValue("channel", out var channel);
        return Results.Json(ResponseFor(http, run, channel, jobTokens), statusCode: 202);
    }

    private static TriggerResponse ResponseFor(HttpContext http, Run run, string? channel, JobTokens jobTokens) =>
        new(run.Id, run.EstimatedCredits, channel, "queued",
            $"{http.Request.Scheme}://{http.Request.Host}/api/runs/{run.Id}", jobTokens.Issue(run.Id, run.WorkspaceId));

    private static ChatAddress? AddressOf(string workspaceId, TriggerRequest request)
    {
        var destination = request.ResponseDestination;
        if (destination?.SlackChannelId is { Length: > 0 } slack) return new ChatAddress(ChatPlatform.Slack, workspaceId, slack, destination.SlackThreadTs);
        if (destination?.TeamsConversationId is { Length: > 0 } teams) return new ChatAddress(ChatPlatform.Teams, workspaceId, teams);
        // A bare channel name is Slack's convention ("#engineering"); chat.postMessage accepts names.
        if (destination is null && request.Channel is { Length: > 0 } channel) return new ChatAddress(ChatPlatform.Slack, workspaceId, channel);
        return null;
    }

    private static void RecordMetadata(Run run, TriggerRequest request, Uri? webhook)
    {
        if (request.Channel is { } channel) run.Metadata["channel"] = channel;
        if (request.Metadata?.Source is { } source) run.Metadata["source"] = source;
        if (request.Metadata?.TriggerId is { } triggerId) run.Metadata["trigger_id"] = triggerId;
        if (request.Metadata?.SubscribeReceipts == true) run.Metadata["subscribe_receipts"] = "true";
        if (webhook is not null) run.Metadata["webhook_url"] = webhook.AbsoluteUri;
    }
}
