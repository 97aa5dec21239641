using ChatBot.Server.Security;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Ops;

/// <summary>
/// Puts the dashboard's pages and files (<c>/</c>, <c>/index.html</c>, <c>/dashboard/…</c>, <c>/runs/…</c>) under the
/// ops rule, as its API already is: they run before the static files, which endpoint filters never see. One
/// exception: with no ops credentials configured, the page's own static files (no data in them) are served to anyone,
/// so a browser that is not a loopback caller (a published container port) sees the page tell it to set them,
/// while every request for data is still refused.
/// </summary>
public static class DashboardPageAuth
{
    public static WebApplication UseDashboardPageAuth(this WebApplication app)
    {
        return app.UseOpsRuleFor(http => IsDashboardPage(http.Request.Path)
            && (http.RequestServices.GetRequiredService<IOptions<OpsOptions>>().Value.HasCredentials || !IsStaticPageFile(http.Request.Path)));
    }

    private static bool IsStaticPageFile(PathString path) =>
        path == "/" || path == "/index.html" || path.StartsWithSegments("/dashboard");

    private static bool IsDashboardPage(PathString path) =>
        path == "/" || path == "/index.html" || path.StartsWithSegments("/dashboard") || path.StartsWithSegments("/runs");
}
