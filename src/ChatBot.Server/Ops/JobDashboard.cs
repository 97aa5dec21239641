using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Ops;

/// <summary>
/// The job engine's own dashboard at <c>/hangfire</c> (queues, retries, failed jobs, servers), behind the same ops
/// authentication as <c>/api/ops</c>: Basic with <c>Ops__Username</c>/<c>Ops__Password</c>, else loopback callers only.
/// </summary>
public static class JobDashboard
{
    public const string Path = "/hangfire";

    public static WebApplication UseJobDashboard(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), branch => branch.Use(async (http, next) =>
        {
            if (OpsAuthFilter.Authorize(http, http.RequestServices.GetRequiredService<IOptions<OpsOptions>>().Value) is { } refused)
            {
                await refused.ExecuteAsync(http);
                return;
            }
            await next(http);
        }));
        app.UseHangfireDashboard(Path, new DashboardOptions
        {
            // The middleware above has already authorized the caller.
            Authorization = [new OpsAuthorized()],
            AppPath = "/",
            DashboardTitle = "ChatBot jobs",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<JobStorage>());
        return app;
    }

    private sealed class OpsAuthorized : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }
}
