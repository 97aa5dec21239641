using Hangfire;
using Hangfire.Dashboard;
using ChatBot.Server.Security;

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
        app.UseOpsRuleFor(http => http.Request.Path.StartsWithSegments(Path));
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
