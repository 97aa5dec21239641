using ChatBot.Core.Webhooks;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Admin;

/// <summary>The webhook delivery log: every attempt of every push, and redelivery on request.</summary>
public static class WebhookDeliveryEndpoints
{
    public static IEndpointRouteBuilder MapWebhookDeliveries(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/workspace/{workspace_id}/admin/webhook-deliveries").WithTags("Admin").RequireToken(AuthPolicies.Admin);
        group.MapGet("", ListAsync);
        group.MapPost("/{delivery_id}/redeliver", RedeliverAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(HttpContext http, string workspace_id, string? run_id, ChatBotDbContext db, CancellationToken ct)
    {
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.WorkspaceId == workspace_id);
        if (run_id is not null) query = query.Where(d => d.RunId == run_id);
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(ct);
        return Results.Json(new
        {
            data = deliveries.Select(d => new
            {
                id = d.Id,
                run_id = d.RunId,
                url = d.Url,
                status = d.Status,
                created_at = d.CreatedAt,
                delivered_at = d.DeliveredAt,
                attempts = d.Attempts,
            }),
        });
    }

    private static async Task<IResult> RedeliverAsync(HttpContext http, string workspace_id, string delivery_id,
        ChatBotDbContext db, WorkScheduler scheduler, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == delivery_id && d.WorkspaceId == workspace_id, ct);
        if (delivery is null) return ApiErrors.Result(http, 404, "DELIVERY_NOT_FOUND", $"No webhook delivery {delivery_id} in this workspace.");
        if (delivery.Status == WebhookDeliveryStatus.Pending)
            return ApiErrors.Result(http, 409, "DELIVERY_IN_PROGRESS", "This delivery is still being attempted.");
        delivery.Redeliver();
        await scheduler.SaveAndScheduleAsync(db, s => s.WebhookDelivery(delivery.Id), ct);
        return Results.Json(new { id = delivery.Id, status = delivery.Status }, statusCode: 202);
    }
}
