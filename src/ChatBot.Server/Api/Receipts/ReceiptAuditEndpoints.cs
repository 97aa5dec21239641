using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatBot.Core.Receipts;
using ChatBot.Persistence;
using ChatBot.Server.Auth;
using ChatBot.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Api.Receipts;

/// <summary>
/// <c>GET /api/workspace/{id}/receipts</c>: the audit log of <c>run_receipt</c> events, oldest first, paged by an
/// opaque cursor (creation time + id, so receipts created in the same instant are neither skipped nor repeated).
/// </summary>
public static class ReceiptAuditEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapReceiptAudit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/workspace/{workspace_id}/receipts", ListAsync).WithTags("Receipts").WithName("ListReceipts").RequireToken(AuthPolicies.AnyToken)
            .ProducesApiErrors([.. ApiErrorMetadata.TokenAuth, 400]);
        return endpoints;
    }

    private static async Task<Results<Ok<ReceiptPage>, ApiProblem>> ListAsync(string workspace_id, string? since, string? cursor, int? limit,
        ChatBotDbContext db, CancellationToken ct)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) return ApiErrors.Result(400, "INVALID_LIMIT", $"limit is between 1 and {MaxLimit}.");

        var query = db.Receipts.AsNoTracking().Where(r => r.WorkspaceId == workspace_id);
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
                return ApiErrors.Result(400, "INVALID_SINCE", "since is an ISO 8601 timestamp, e.g. 2026-11-01T00:00:00Z.");
            query = query.Where(r => r.CreatedAt >= from);
        }
        if (cursor is not null)
        {
            if (Decode(cursor) is not var (at, id))
                return ApiErrors.Result(400, "INVALID_CURSOR", "That cursor is not one this API returned.");
            query = query.Where(r => r.CreatedAt > at || (r.CreatedAt == at && string.Compare(r.Id, id) > 0));
        }
        var page = await query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(take + 1).ToListAsync(ct);
        var more = page.Count > take;
        if (more) page.RemoveAt(take);
        return TypedResults.Ok(new ReceiptPage(page.Select(r => JsonSerializer.Deserialize<RunReceipt>(r.RunReceiptJson)), more ? Encode(page[^1]) : null));
    }

    private static string Encode(Receipt last) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{last.CreatedAt.UtcTicks}|{last.Id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (DateTimeOffset At, string Id)? Decode(string cursor)
    {
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks)) return null;
            return (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
