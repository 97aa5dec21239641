using ChatBot.Core.Receipts;
using ChatBot.Slack.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Install;

/// <summary>
/// GET /slack/install, the "Add to Slack" link: redirects to Slack's authorize page with the bot scopes, the
/// callback URL and a fresh signed state.
/// </summary>
internal static class InstallEndpoint
{
    public const string CallbackPath = "/slack/oauth/callback";

    public static IResult Handle(HttpContext http, IOptionsMonitor<SlackOptions> options, IOptions<ReceiptOptions> receipts, SlackOAuthState state)
    {
        var settings = options.CurrentValue;
        if (!settings.CanInstall)
            return InstallPage.Show(503, "Add to Slack is not set up",
                "This server has no Slack app credentials for installs. Set Slack__ClientId and Slack__ClientSecret (from the app's Basic Information page) and restart.");

        var query = QueryString.Create(new KeyValuePair<string, string?>[]
        {
            new("client_id", settings.ClientId),
            new("scope", string.Join(',', SlackScopes.Bot)),
            new("redirect_uri", CallbackUrl(http, receipts.Value)),
            new("state", state.Issue(http)),
        });
        return Results.Redirect(AuthorizeUrl(settings) + query.ToUriComponent());
    }

    /// <summary>
    /// Where Slack sends the person back: the server's public URL when configured (behind a proxy the request's
    /// own scheme may be http), else this request's origin. Must match a redirect URL in the app's settings.
    /// </summary>
    public static string CallbackUrl(HttpContext http, ReceiptOptions receipts) =>
        (receipts.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}")
        + CallbackPath;

    /// <summary>Slack's authorize page sits on the Web API's host (slack.com, or GovSlack's).</summary>
    private static string AuthorizeUrl(SlackOptions settings) =>
        new Uri(new Uri(string.IsNullOrWhiteSpace(settings.ApiBaseUrl) ? SlackOptions.DefaultApiBaseUrl : settings.ApiBaseUrl), "/oauth/v2/authorize").ToString();
}
