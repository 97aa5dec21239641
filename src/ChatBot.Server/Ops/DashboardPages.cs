using ChatBot.Server.Hosting;
using ChatBot.Persistence;
using ChatBot.Server.Security;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Ops;

/// <summary>
/// The dashboard's live feed (<c>GET /api/dashboard/events</c>, server-sent events: "changed" whenever runs,
/// approvals, monitors or nodes change, on any node, since all state is in the database) and the run detail
/// page at <c>/runs/{run_id}</c>, the receipts' "view details" target.
/// </summary>
public static class DashboardPages
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    public static RouteGroupBuilder MapDashboardEvents(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard/events", StreamAsync).ExcludeFromDescription();
        return api;
    }

    public static IEndpointRouteBuilder MapRunPage(this IEndpointRouteBuilder endpoints)
    {
        // The page is static; its data comes from the ops-protected timeline API.
        endpoints.MapGet("/runs/{run_id}", (IWebHostEnvironment env) =>
            Results.File(env.WebRootFileProvider.GetFileInfo("dashboard/run.html").CreateReadStream(), "text/html; charset=utf-8"))
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task StreamAsync(HttpContext http, IServiceScopeFactory scopes, TimeProvider time, EventStreamSlots slots)
    {
        using var slot = slots.TryAcquire(http);
        if (slot is null)
        {
            await EventStreamSlots.RefuseAsync(http);
            return;
        }
        using var lifetime = EventStreamCancellation.For(http);
        var ct = lifetime.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        string? last = null;
        try
        {
            using var timer = new PeriodicTimer(PollInterval, time);
            do
            {
                var current = await FingerprintAsync(scopes, ct);
                if (current != last)
                {
                    last = current;
                    await http.Response.WriteAsync("event: changed\ndata: {}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
            // The page went away, or the server is stopping.
        }
    }

    /// <summary>A cheap summary that moves whenever anything the dashboard shows moves.</summary>
    private static async Task<string> FingerprintAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChatBotDbContext>();
        var runs = await db.Runs.AsNoTracking().GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count(), Versions = g.Sum(r => r.Version) }).ToListAsync(ct);
        var approvals = await db.Approvals.AsNoTracking().SumAsync(a => a.Version, ct);
        var monitors = await db.Monitors.AsNoTracking().SumAsync(m => m.Version, ct);
        var nodes = await db.WorkerNodes.AsNoTracking().Select(n => new { n.Id, n.Draining, n.RunningJobs }).ToListAsync(ct);
        return string.Join('|', runs.OrderBy(r => r.Key).Select(r => $"{r.Key}:{r.Count}:{r.Versions}"))
            + $"|a{approvals}|m{monitors}|" + string.Join(',', nodes.OrderBy(n => n.Id).Select(n => $"{n.Id}:{n.Draining}:{n.RunningJobs}"));
    }
}
