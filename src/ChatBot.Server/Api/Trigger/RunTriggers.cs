using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatBot.Agent.Egress;
using ChatBot.Core.Chat;
using ChatBot.Core.Inbound;
using ChatBot.Core.Runs;
using ChatBot.Jobs.Runs;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Webhooks;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Trigger;

/// <summary>
/// Starting a run from outside, the one use case behind both trigger dialects (<c>/api/workspace/{id}/trigger</c>
/// and the push/pull webhook trigger): validates, applies the spend cap and the idempotency key, persists the run
/// and queues it. The caller has already authenticated a token of the workspace with the trigger scope.
/// </summary>
public sealed class RunTriggers(ChatBotDbContext db, SpendGuard spend, RunEstimator estimator, WorkScheduler scheduler, EgressPolicy egress,
    TimeProvider time)
{
    public const int MaxTaskLength = 8000;
    public const int MaxIdempotencyKeyLength = 200;
    /// <summary>How long an idempotency key answers with its first run; after that it starts a new one.</summary>
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);
    /// <summary>The run's record of the request it was started with, to tell a retry from a reused key.</summary>
    public const string FingerprintKey = "request_fingerprint";
    /// <summary>Every status a refusal of <see cref="StartAsync"/> carries, for the OpenAPI document.</summary>
    public static readonly int[] RefusalStatuses = [400, 402, 403, 409, 422];

    public async Task<TriggerOutcome> StartAsync(string workspaceId, TriggerRequest request, string? idempotencyKey, CancellationToken ct)
    {
        var task = (request.Task ?? request.Query)?.Trim();
        if (string.IsNullOrEmpty(task)) return TriggerOutcome.Refused(400, "MISSING_TASK", "The body needs a 'task' (or 'query') string.");
        if (task.Length > MaxTaskLength) return TriggerOutcome.Refused(400, "TASK_TOO_LONG", $"Keep the task under {MaxTaskLength} characters.");
        if (request.Timezone is { } tz && !TimeZoneInfo.TryFindSystemTimeZoneById(tz, out _))
            return TriggerOutcome.Refused(400, "INVALID_TIMEZONE", $"'{tz}' is not an IANA time zone (e.g. America/Los_Angeles).");
        if (idempotencyKey is { Length: > MaxIdempotencyKeyLength })
            return TriggerOutcome.Refused(400, "INVALID_IDEMPOTENCY_KEY", $"Idempotency keys are at most {MaxIdempotencyKeyLength} characters.");

        var workspace = await db.Workspaces.SingleAsync(w => w.Id == workspaceId, ct);
        if (workspace.Suspended) return TriggerOutcome.Refused(403, "WORKSPACE_SUSPENDED", "This workspace is suspended.");
        var (address, unplaced) = await AddressOfAsync(workspaceId, request, ct);
        if (unplaced is not null) return unplaced;
        if (address is not null && await ChatConnections.RefusalAsync(db, workspaceId, address.Platform, ct) is var (code, why))
            return TriggerOutcome.Refused(403, code, why);
        Uri? webhook = null;
        if (request.ResponseDestination?.WebhookUrl is { } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out webhook) || webhook.Scheme != Uri.UriSchemeHttps)
                return TriggerOutcome.Refused(400, "INVALID_WEBHOOK_URL", "webhookUrl must be an absolute https URL.");
            if (egress.Refusal(webhook) is { } refused) return TriggerOutcome.Refused(422, "EGRESS_REFUSED", $"webhookUrl is {refused}.");
            if (!workspace.AllowsWebhook(webhook))
                return TriggerOutcome.Refused(403, "WEBHOOK_NOT_ALLOWLISTED", "That webhookUrl is not on this workspace's allowlist; an admin can add it through the admin API.");
        }

        var fingerprint = Fingerprint(request);
        var deliveryId = idempotencyKey is { Length: > 0 } ? $"trigger:{workspaceId}:{idempotencyKey}" : null;
        InboundDelivery? expired = null;
        if (deliveryId is not null)
        {
            var seen = await db.InboundDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
            if (seen?.RunId is not null && !IsExpired(seen)) return await ReplayAsync(seen, fingerprint, ct);
            expired = seen;
        }

        var budget = await spend.CheckAsync(db, workspace, ct);
        if (!budget.Allowed) return new TriggerOutcome(null, new TriggerRefusal(402, "SPEND_CAP_REACHED", budget.Explanation, budget.ResetsAt));

        var run = new Run(workspaceId, RunSource.Api, task, address, null, time.GetUtcNow())
        {
            EstimatedCredits = estimator.Estimate(task),
            Timezone = request.Timezone,
        };
        RecordMetadata(run, request, webhook, fingerprint);
        if (deliveryId is null)
        {
            db.Runs.Add(run);
            await scheduler.SaveAndScheduleAsync(db, s => s.Run(run.Id), ct);
        }
        else if (await SaveWithKeyAsync(run, deliveryId, expired, ct) is { } earlier)
        {
            return earlier;
        }
        return TriggerOutcome.Started(run);
    }

    /// <summary>
    /// Saves the run with its key and its job. An expired key's old row is removed first (a crash right after that
    /// only frees a key that had expired anyway); when another request took the key first, its answer is returned
    /// instead and nothing is saved.
    /// </summary>
    private async Task<TriggerOutcome?> SaveWithKeyAsync(Run run, string deliveryId, InboundDelivery? expired, CancellationToken ct)
    {
        if (expired is not null
            && await db.InboundDeliveries.Where(d => d.Id == deliveryId && d.RunId == expired.RunId).ExecuteDeleteAsync(ct) == 0)
        {
            return await RaceLostAsync(deliveryId, run, ct)
                ?? TriggerOutcome.Refused(409, "IDEMPOTENCY_KEY_BUSY", "Another request with this Idempotency-Key is being handled; retry it.");
        }
        try
        {
            db.Runs.Add(run);
            db.InboundDeliveries.Add(new InboundDelivery(deliveryId, time.GetUtcNow(), run.Id));
            await scheduler.SaveAndScheduleAsync(db, s => s.Run(run.Id), ct);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await RaceLostAsync(deliveryId, run, ct) is { } answer) return answer;
            throw;
        }
    }

    private async Task<TriggerOutcome?> RaceLostAsync(string deliveryId, Run run, CancellationToken ct)
    {
        var winner = await db.InboundDeliveries.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        return winner?.RunId is null ? null : await ReplayAsync(winner, run.Metadata[FingerprintKey], ct);
    }

    private async Task<TriggerOutcome> ReplayAsync(InboundDelivery seen, string fingerprint, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == seen.RunId, ct);
        // Runs from before fingerprints were kept count as the same request.
        if (run.Metadata.TryGetValue(FingerprintKey, out var first) && first != fingerprint)
            return TriggerOutcome.Refused(422, "IDEMPOTENCY_KEY_REUSED",
                $"This Idempotency-Key was already used for a different request (run {run.Id}). Send the same body to get that run again, or use a new key for a new request.");
        return TriggerOutcome.Started(run);
    }

    private bool IsExpired(InboundDelivery delivery) => delivery.ReceivedAt + IdempotencyWindow <= time.GetUtcNow();

    /// <summary>A digest of what the request asks for, independent of JSON spacing and field order.</summary>
    private static string Fingerprint(TriggerRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request))));

    /// <summary>
    /// Where the run answers. A destination names its platform; a bare <c>channel</c> carries none, so it is a channel
    /// of the one chat platform the workspace is connected to, and refused when that is not one platform.
    /// </summary>
    private async Task<(ChatAddress? Address, TriggerOutcome? Refusal)> AddressOfAsync(string workspaceId, TriggerRequest request, CancellationToken ct)
    {
        var destination = request.ResponseDestination;
        if (destination?.SlackChannelId is { Length: > 0 } slack) return (new ChatAddress(ChatPlatform.Slack, workspaceId, slack, destination.SlackThreadTs), null);
        if (destination?.TeamsConversationId is { Length: > 0 } teams) return (new ChatAddress(ChatPlatform.Teams, workspaceId, teams), null);
        if (destination is not null || request.Channel is not { Length: > 0 } channel) return (null, null);
        var platforms = await db.BotInstallations.Where(i => i.WorkspaceId == workspaceId).Select(i => i.Platform).Distinct().ToListAsync(ct);
        return platforms.Count == 1
            ? (new ChatAddress(platforms[0], workspaceId, channel), null)
            : (null, TriggerOutcome.Refused(400, "CHANNEL_PLATFORM_UNKNOWN",
                "This workspace is not connected to exactly one chat platform, so a bare 'channel' does not say where to answer. " +
                "Send responseDestination.slackChannelId or responseDestination.teamsConversationId instead."));
    }

    private static void RecordMetadata(Run run, TriggerRequest request, Uri? webhook, string fingerprint)
    {
        if (request.Channel is { } channel) run.Metadata["channel"] = channel;
        if (request.Metadata?.Source is { } source) run.Metadata["source"] = source;
        if (request.Metadata?.TriggerId is { } triggerId) run.Metadata["trigger_id"] = triggerId;
        if (request.Metadata?.SubscribeReceipts == true) run.Metadata[RunWebhooks.SubscribeReceiptsKey] = "true";
        if (webhook is not null) run.Metadata[RunWebhooks.UrlKey] = webhook.AbsoluteUri;
        run.Metadata[FingerprintKey] = fingerprint;
    }
}
