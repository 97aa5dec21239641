using ChatBot.Server.Hosting;

namespace ChatBot.Server.Health;

public static class HealthEndpoints
{
    /// <summary><c>GET /health</c>: liveness, no auth. <c>{"status":"healthy","uptime":seconds}</c>.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (ProcessUptime uptime) => Results.Json(new HealthResponse("healthy", uptime.Seconds)))
            .WithName("Health")
            .WithTags("Ops");
        return endpoints;
    }
}
