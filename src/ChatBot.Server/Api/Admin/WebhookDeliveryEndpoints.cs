using ChatBot.Core.Webhooks;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Admin;

/// <summary>The webhook delivery log: every attempt of every push, and redelivery on request.</summary>
public static class WebhookDeliveryEndpoints
{
    public static IEndpointRouteBuilder MapWebhookDeliveries(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/workspace/{workspace_id}/admin/webhook-deliveries").WithTags("Admin").RequireToken(AuthPolicies.Admin)
            .ProducesApiErrors(ApiErrorMetadata.TokenAuth);
        group.MapGet("", ListAsync);
        group.MapPost("/{delivery_id}/redeliver", RedeliverAsync).ProducesApiErrors(404, 409);
        return endpoints;
    }

    private static async Task<Ok<DataList<WebhookDeliveryDto>>> ListAsync(string workspace_id, string? run_id, [AsParameters] AdminServices services,
        CancellationToken ct)
    {
        var query = services.Db.WebhookDeliveries.AsNoTracking().Where(d => d.WorkspaceId == workspace_id);
        if (run_id is not null) query = query.Where(d => d.RunId == run_id);
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(ct);
        return TypedResults.Ok(new DataList<WebhookDeliveryDto>(deliveries.Select(WebhookDeliveryDto.Of)));
    }

    private static async Task<Results<Accepted<RedeliveryResponse>, ApiProblem>> RedeliverAsync(string workspace_id, string delivery_id,
        [AsParameters] AdminServices services, CancellationToken ct)
    {
        var db = services.Db;
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == delivery_id && d.WorkspaceId == workspace_id, ct);
        if (delivery is null) return ApiErrors.Result(404, "DELIVERY_NOT_FOUND", $"No webhook delivery {delivery_id} in this workspace.");
        if (delivery.Status == WebhookDeliveryStatus.Pending)
            return ApiErrors.Result(409, "DELIVERY_IN_PROGRESS", "This delivery is still being attempted.");
        delivery.Redeliver();
        await services.Scheduler.SaveAndScheduleAsync(db, s => s.WebhookDelivery(delivery.Id), ct);
        return TypedResults.Accepted((string?)null, new RedeliveryResponse(delivery.Id, delivery.Status));
    }
}
