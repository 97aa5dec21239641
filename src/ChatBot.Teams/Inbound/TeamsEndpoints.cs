using System.Text.Json;
using ChatBot.Core.Workspaces;
using ChatBot.Http.Errors;
using ChatBot.Teams.Activities;
using ChatBot.Teams.Auth;
using ChatBot.Teams.History;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Teams.Inbound;

/// <summary>
/// <c>POST /api/messages</c>, the Bot Framework messaging endpoint. Nothing reaches the inbox before the bearer
/// token is validated against the activity; without an app id only a local test client is heard (local mode, see
/// <see cref="TeamsOptions.IsLocalMode"/>); with an app id but no password the endpoint says so with a 503.
/// </summary>
public static class TeamsEndpoints
{
    public const string Path = "/api/messages";
    private const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, ReceiveAsync).WithTags("Teams").ExcludeFromDescription();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value.IsLocalMode)
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoints)).LogInformation(
                "Teams runs in local mode (no Teams__AppId): {Path} takes activities without a token from this machine only, for a local test client", Path);
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http,
        IOptions<TeamsOptions> options,
        BotFrameworkTokenValidator validator,
        TrustedServiceUrls trusted,
        KnownTeams teams,
        ITeamsTenants tenants,
        TeamsActivityHandler handler,
        ILoggerFactory loggers,
        CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(TeamsEndpoints));
        var settings = options.Value;
        if (!settings.IsLocalMode && !settings.IsConfigured)
            return Error(503, "TEAMS_NOT_CONFIGURED", "Microsoft Teams is not connected: set Teams__AppId and Teams__AppPassword (see CONFIG.md).");
        string? authorization = http.Request.Headers.Authorization;
        if (settings.IsLocalMode ? !LoopbackAddress.IsLocalCaller(http) : string.IsNullOrEmpty(authorization))
            return Error(401, "UNAUTHORIZED", "A Bot Framework bearer token is required.");
        if (http.Request.ContentLength > MaxBodyBytes) return Error(413, "TOO_LARGE", "The activity is too large.");

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, Activity.Json, ct);
        }
        catch (JsonException)
        {
            activity = null;
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.ServiceUrl))
            return Error(400, "INVALID_ACTIVITY", "The body is not a Bot Framework activity.");

        var check = settings.IsLocalMode ? LocalCheck(activity) : await validator.ValidateAsync(authorization!, activity, ct);
        if (!check.IsValid)
        {
            logger.LogWarning("Rejected a Teams activity: {Reason}", check.Failure);
            return Error(401, "UNAUTHORIZED", "The bearer token is not valid for this activity.");
        }
        trusted.Remember(activity.ServiceUrl);
        teams.Remember(activity);
        // The workspace of a tenant that spoke to the bot, and only such a workspace, may act in Teams.
        if (TeamsConversation.TenantOf(activity) is { } tenant && WorkspaceIds.IsValid(tenant)) await tenants.RecordAsync(tenant, ct);
        return await handler.HandleAsync(activity, ct);
    }

    /// <summary>In local mode the answer goes, tokenless, to the service URL: only this machine's may be named.</summary>
    private static TokenCheck LocalCheck(Activity activity) =>
        LoopbackAddress.IsLoopbackUrl(activity.ServiceUrl) ? TokenCheck.Valid : TokenCheck.Fail("local mode takes only a loopback service URL");

    private static ApiProblem Error(int status, string code, string message) => new(status, code, message);
}
