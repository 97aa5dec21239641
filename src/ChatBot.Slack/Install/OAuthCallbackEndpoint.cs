using ChatBot.Core.Receipts;
using ChatBot.Slack.Api;
using ChatBot.Slack.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Install;

/// <summary>
/// GET /slack/oauth/callback: checks the state, trades the code for the team's bot token (oauth.v2.access),
/// stores the install and shows the person the outcome. Every failure is a page that says what to do next.
/// </summary>
internal static class OAuthCallbackEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext http, SlackOAuthState state, SlackWebApiClient api, ISlackInstallationStore installations, SlackBotTokens tokens,
        IOptionsMonitor<SlackOptions> options, IOptions<ReceiptOptions> receipts, ILoggerFactory loggers, CancellationToken ct)
    {
        if (!options.CurrentValue.CanInstall)
            return InstallPage.Show(503, "Add to Slack is not set up", "Set Slack__ClientId and Slack__ClientSecret and restart.");

        var query = http.Request.Query;
        if (!await state.TryAcceptAsync(http, query["state"], ct))
            return InstallPage.Show(400, "This install link has expired",
                "Installs must finish in the browser that started them, within a few minutes. Start again.", "Add to Slack", "/slack/install");
        if (query["error"].ToString() is { Length: > 0 } error)
            return InstallPage.Show(400, "The install was cancelled",
                $"Slack reported \"{error}\"; nothing was installed.", "Try again", "/slack/install");
        if (query["code"].ToString() is not { Length: > 0 } code)
            return InstallPage.Show(400, "The install could not finish", "Slack sent no authorization code.", "Try again", "/slack/install");

        SlackInstallation installation;
        try
        {
            installation = await api.OAuth.AccessAsync(code, InstallEndpoint.CallbackUrl(http, receipts.Value), ct);
        }
        catch (SlackApiException ex)
        {
            loggers.CreateLogger(typeof(OAuthCallbackEndpoint)).LogWarning("Slack install failed: oauth.v2.access said {Error}", ex.Error);
            return ex.Error == "org_install_unsupported"
                ? InstallPage.Show(400, "Install per workspace", "Org-wide installs are not supported; install the app in each workspace.", "Add to Slack", "/slack/install")
                : InstallPage.Show(502, "Slack refused the install", $"Slack answered \"{ex.Error}\". Start again; if it keeps failing, check the app's client id, secret and redirect URL.", "Add to Slack", "/slack/install");
        }

        await installations.SaveAsync(installation, ct);
        tokens.Forget(installation.TeamId);
        return InstallPage.Show(200, $"ChatBot is installed in {installation.TeamName}",
            "Invite it to a channel with /invite, mention it with a task, or type /help to see everything it does.",
            "Open Slack", $"https://slack.com/app_redirect?app={Uri.EscapeDataString(installation.AppId)}&team={Uri.EscapeDataString(installation.TeamId)}");
    }
}
