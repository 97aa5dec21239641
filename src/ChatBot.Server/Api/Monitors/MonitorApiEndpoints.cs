using System.Security.Claims;
using ChatBot.Agent.Egress;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatBot.Core.Common;
using ChatBot.Core.Monitors;
using ChatBot.Jobs.Application;
using ChatBot.Jobs.Application.Monitors;
using ChatBot.Jobs.Monitors;
using ChatBot.Jobs.Scheduling;
using ChatBot.Jobs.Workspaces;
using ChatBot.Persistence;
using ChatBot.Server.Auth;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Monitors;

/// <summary>
/// The Monitor API (v1alpha): create, list, retrieve, update and delete monitors, read their events and event
/// groups, and simulate webhook notifications. Monitors made here are the same monitors chat commands make.
/// </summary>
public static partial class MonitorApiEndpoints
{
    private const int MaxEventGroups = 300;
    private const string TestGroupPrefix = "mevtgrp_test_";

    public static IEndpointRouteBuilder MapMonitorApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1alpha/monitors").WithTags("Monitors").ProducesMonitorApiErrors()
            .RequireToken(AuthPolicies.Monitors, AuthSchemes.ApiKey).WithMetadata(MonitorApiAuthErrors.Instance);
        group.MapPost("", CreateAsync).WithName("create_monitor").Produces(201).Fails(422);
        group.MapGet("", ListAsync).WithName("list_monitors").Produces(200);
        group.MapGet("/{monitor_id}", GetAsync).WithName("get_monitor").Produces(200).Fails(404);
        group.MapPatch("/{monitor_id}", UpdateAsync).WithName("update_monitor").Produces(200).Fails(404, 409, 422);
        group.MapDelete("/{monitor_id}", DeleteAsync).WithName("delete_monitor").Produces(200).Fails(404, 409);
        group.MapGet("/{monitor_id}/events", ListEventsAsync).WithName("list_monitor_events").Produces(200).Fails(404, 422);
        group.MapGet("/{monitor_id}/event_groups/{event_group_id}", GetEventGroupAsync).WithName("get_event_group").Produces(200).Fails(404);
        group.MapPost("/{monitor_id}/simulate_event", SimulateAsync).WithName("simulate_event").Produces(204).Fails(400, 404);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ClaimsPrincipal user, MonitorCreation creation, ChatBotDbContext db,
        EgressPolicy egress, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var (body, error) = await MonitorRequestReader.ReadObjectAsync(http.Request, ct);
        if (body is null) return MonitorApiErrors.Validation(http, [("body", error!)]);

        var reader = new MonitorRequestReader(egress);
        var query = reader.Query(body);
        var cadence = reader.Cadence(body, required: true);
        var webhook = reader.Webhook(body);
        var metadata = reader.Metadata(body);
        var schema = reader.OutputSchema(body);
        var channel = reader.Channel(body, workspaceId);
        // Reported with the other fields' problems, as one validation answer.
        if (query is { Length: > 0 } && creation.ExplainUnsupported(query) is { } why) reader.Problem("query", why);
        if (reader.Problems.Count > 0) return MonitorApiErrors.Validation(http, reader.Problems);
        if (channel is not null && await ChatConnections.RefusalAsync(db, workspaceId, channel.Platform, ct) is var (_, refused))
            return MonitorApiErrors.Result(http, 403, refused);

        var outcome = await creation.CreateAsync(new NewMonitor(workspaceId, query!, cadence!.Value, channel, null)
        {
            Webhook = webhook,
            Metadata = metadata,
            OutputSchema = schema,
        }, ct);
        return outcome.IsChanged
            ? Results.Json(MonitorJson.Monitor(outcome.Subject!), statusCode: 201)
            : Answer(http, outcome);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ClaimsPrincipal user, ChatBotDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var monitors = await db.Monitors.AsNoTracking().Where(m => m.WorkspaceId == workspaceId && m.DeletedAt == null).ToListAsync(ct);
        var newestFirst = monitors.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id);
        return Results.Json(new JsonObject { ["monitors"] = new JsonArray(newestFirst.Select(m => (JsonNode)MonitorJson.Monitor(m)).ToArray()) });
    }

    private static async Task<IResult> GetAsync(HttpContext http, string monitor_id, ClaimsPrincipal user, ChatBotDbContext db, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var monitor = await FindAsync(db, workspaceId, monitor_id, ct);
        return monitor is null ? MonitorApiErrors.Result(http, 404, MonitorApiErrors.MonitorNotFound) : Results.Json(MonitorJson.Monitor(monitor));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, string monitor_id, ClaimsPrincipal user, MonitorLifecycle monitors,
        EgressPolicy egress, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var monitor = await monitors.FindAsync(monitor_id, workspaceId, ct);
        if (monitor is null) return MonitorApiErrors.Result(http, 404, MonitorApiErrors.MonitorNotFound);
        var (body, error) = await MonitorRequestReader.ReadObjectAsync(http.Request, ct);
        if (body is null) return MonitorApiErrors.Validation(http, [("body", error!)]);

        var reader = new MonitorRequestReader(egress);
        var cadence = reader.Cadence(body, required: false);
        var webhook = reader.Webhook(body);
        var metadata = reader.Metadata(body);
        if (body.ContainsKey("query")) reader.Problem("query", "cannot be changed; create a new monitor instead");
        if (reader.Problems.Count > 0) return MonitorApiErrors.Validation(http, reader.Problems);

        var outcome = await monitors.UpdateAsync(monitor, new MonitorSettings(cadence, body.ContainsKey("webhook"), webhook, body.ContainsKey("metadata"), metadata), ct);
        return outcome.Kind switch
        {
            OutcomeKind.Changed => Results.Json(MonitorJson.Monitor(outcome.Subject!)),
            // The spec reports a state that refuses the change as a validation problem of the field.
            OutcomeKind.InvalidTransition => MonitorApiErrors.Validation(http, [("cadence", outcome.Reason!)]),
            _ => Answer(http, outcome),
        };
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string monitor_id, ClaimsPrincipal user, MonitorLifecycle monitors, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var outcome = await monitors.ChangeAsync(await monitors.FindAsync(monitor_id, workspaceId, ct), MonitorChange.Delete, ct);
        return outcome.IsChanged ? Results.Json(MonitorJson.Monitor(outcome.Subject!)) : Answer(http, outcome);
    }

    /// <summary>A use case's refusal in this API's error shape.</summary>
    private static IResult Answer(HttpContext http, Outcome<Monitor> outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => MonitorApiErrors.Result(http, 404, MonitorApiErrors.MonitorNotFound),
        OutcomeKind.NotAllowed => MonitorApiErrors.Validation(http, [("query", outcome.Reason!)]),
        _ => MonitorApiErrors.Result(http, 409, $"Conflict: {outcome.Reason}"),
    };

    private static async Task<IResult> ListEventsAsync(HttpContext http, string monitor_id, string? lookback_period, ClaimsPrincipal user,
        ChatBotDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var monitor = await FindAsync(db, workspaceId, monitor_id, ct);
        if (monitor is null) return MonitorApiErrors.Result(http, 404, MonitorApiErrors.MonitorNotFound);
        var lookback = lookback_period ?? "10d";
        if (!LookbackPattern().IsMatch(lookback) || LookbackDays(lookback) is not { } days || days < 1)
            return MonitorApiErrors.Validation(http, [("lookback_period", "must match ^\\d+[dw]$ and be at least 1 day, e.g. 10d or 2w")]);

        var since = time.GetUtcNow().AddDays(-days);
        var events = await db.MonitorEvents.AsNoTracking().Where(e => e.MonitorId == monitor.Id && e.CreatedAt >= since).ToListAsync(ct);
        // One check makes one group (an event group, a completion or an error); keep the newest 300 checks.
        var runs = events.GroupBy(e => e.EventGroupId ?? e.Id)
            .OrderByDescending(g => g.Max(e => e.CreatedAt))
            .Take(MaxEventGroups)
            .SelectMany(g => g.OrderBy(e => e.Id));
        return Results.Json(new JsonObject { ["events"] = new JsonArray(runs.Select(e => (JsonNode)MonitorJson.Event(e)).ToArray()) });
    }

    private static async Task<IResult> GetEventGroupAsync(HttpContext http, string monitor_id, string event_group_id, ClaimsPrincipal user,
        ChatBotDbContext db, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var monitor = await FindAsync(db, workspaceId, monitor_id, ct);
        if (monitor is null) return MonitorApiErrors.Result(http, 404, MonitorApiErrors.MonitorNotFound);
        if (event_group_id.StartsWith(TestGroupPrefix, StringComparison.Ordinal)) return Results.Json(TestGroup(event_group_id, monitor, time));

        var events = await db.MonitorEvents.AsNoTracking()
            .Where(e => e.MonitorId == monitor.Id && e.EventGroupId == event_group_id && e.Type == MonitorEventType.Event)
            .ToListAsync(ct);
        if (events.Count == 0) return MonitorApiErrors.Result(http, 404, MonitorApiErrors.NotFound);
        return Results.Json(new JsonObject { ["events"] = new JsonArray(events.OrderBy(e => e.Id).Select(e => (JsonNode)MonitorJson.Event(e)).ToArray()) });
    }

    private static async Task<IResult> SimulateAsync(HttpContext http, string monitor_id, string? event_type, ClaimsPrincipal user,
        ChatBotDbContext db, MonitorWebhooks webhooks, WorkScheduler scheduler, TimeProvider time, CancellationToken ct)
    {
        var workspaceId = user.WorkspaceIdOf();
        var monitor = await FindAsync(db, workspaceId, monitor_id, ct);
        if (monitor is null) return MonitorApiErrors.Result(http, 404, MonitorApiErrors.MonitorNotFound);
        var type = event_type ?? MonitorWebhook.EventDetected;
        // The spec answers an unknown event type with 400 (not the 422 of body validation); the detail names the parameter.
        if (!MonitorWebhook.AllEventTypes.Contains(type))
            return MonitorApiErrors.Result(http, 400, $"Invalid event_type '{type}'", MonitorApiErrors.Problems([("event_type", $"must be one of {string.Join(", ", MonitorWebhook.AllEventTypes)}")]));
        if (monitor.Webhook is null) return MonitorApiErrors.Result(http, 400, "Webhook not configured for this monitor");

        // A simulation goes to the webhook whatever its subscriptions: the point is to test the receiver.
        var now = time.GetUtcNow();
        var delivery = type switch
        {
            MonitorWebhook.EventDetected => webhooks.Detected(monitor, TestGroupPrefix + Ids.NewId("", 16), simulated: true),
            MonitorWebhook.ExecutionCompleted => webhooks.Completed(monitor, now, simulated: true),
            _ => webhooks.Failed(monitor, "Simulated failure: this is a test notification", now, simulated: true),
        };
        db.WebhookDeliveries.Add(delivery!);
        await scheduler.SaveAndScheduleAsync(db, s => s.WebhookDelivery(delivery!.Id), ct);
        return Results.NoContent();
    }

    /// <summary>The dummy event behind a simulated event group id: text, or for a structured monitor a result valid against its schema.</summary>
    private static JsonObject TestGroup(string groupId, Monitor monitor, TimeProvider time) => new()
    {
        ["events"] = new JsonArray(new JsonObject
        {
            ["type"] = "event",
            ["event_group_id"] = groupId,
            ["output"] = "",
            ["event_date"] = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["source_urls"] = new JsonArray("https://example.com/test-event"),
            ["result"] = monitor.OutputSchema is { } schema
                ? new JsonObject { ["type"] = "json", ["content"] = Agent.Monitors.OutputSchema.Parse(schema).Example() }
                : new JsonObject { ["type"] = "text", ["content"] = "This is a test event from simulate_event." },
        }),
    };

    private static RouteHandlerBuilder Fails(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses) endpoint.Produces<MonitorApiErrorResponse>(status, "application/json");
        return endpoint;
    }

    private static Task<Monitor?> FindAsync(ChatBotDbContext db, string workspaceId, string monitorId, CancellationToken ct) =>
        db.Monitors.SingleOrDefaultAsync(m => m.Id == monitorId && m.WorkspaceId == workspaceId && m.DeletedAt == null, ct);

    private static int? LookbackDays(string lookback) =>
        int.TryParse(lookback[..^1], out var n) && n <= 3650 ? (lookback[^1] == 'w' ? n * 7 : n) : null;

    [GeneratedRegex(@"^\d+[dw]$")]
    private static partial Regex LookbackPattern();
}
