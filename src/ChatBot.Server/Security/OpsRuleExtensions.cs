using System.Net;
using ChatBot.Server.Auth;
using ChatBot.Server.Ops;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace ChatBot.Server.Security;

public static class OpsRuleExtensions
{
    /// <summary>
    /// Believes forwarding headers from the configured proxies only (none by default), before anything asks who
    /// the caller is.
    /// </summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<IOptions<OpsOptions>>().Value.KnownProxies;
        if (proxies.Count == 0) return app;
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        app.UseForwardedHeaders(options);
        return app;
    }

    /// <summary>
    /// Serves the requests <paramref name="applies"/> picks (pages and static files, which no endpoint's
    /// <c>RequireAuthorization</c> covers) under the <see cref="AuthPolicies.Ops"/> policy, answered as an endpoint's would be.
    /// </summary>
    public static WebApplication UseOpsRuleFor(this WebApplication app, Func<HttpContext, bool> applies)
    {
        app.UseWhen(applies, branch => branch.Use(async (http, next) =>
        {
            var policy = (await http.RequestServices.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(AuthPolicies.Ops))!;
            var evaluator = http.RequestServices.GetRequiredService<IPolicyEvaluator>();
            var authenticated = await evaluator.AuthenticateAsync(policy, http);
            var result = await evaluator.AuthorizeAsync(policy, authenticated, http, http);
            await http.RequestServices.GetRequiredService<IAuthorizationMiddlewareResultHandler>().HandleAsync(next, http, policy, result);
        }));
        return app;
    }
}
