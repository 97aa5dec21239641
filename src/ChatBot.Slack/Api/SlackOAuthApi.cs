using System.Net.Http.Headers;
using System.Text;
using ChatBot.Slack.Install;

namespace ChatBot.Slack.Api;

/// <summary>oauth.v2.access.</summary>
public sealed class SlackOAuthApi(SlackApiTransport transport)
{
    /// <summary>
    /// Trades an install's temporary code for the team's bot token. The app's own credentials (HTTP Basic, as
    /// Slack prefers) authorize it; no bot token exists yet.
    /// </summary>
    public async Task<SlackInstallation> AccessAsync(string code, string redirectUri, CancellationToken ct)
    {
        const string method = "oauth.v2.access";
        var settings = transport.Settings;
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ClientId}:{settings.ClientSecret}"));
        var answer = await transport.SendAsync(method, new AuthenticationHeaderValue("Basic", credentials),
            () => new FormUrlEncodedContent([new("code", code), new("redirect_uri", redirectUri)]), waitOutRateLimits: true, ct);
        if (answer["team"]?["id"]?.GetValue<string>() is not { Length: > 0 } teamId)
            throw new SlackApiException(method, "org_install_unsupported", "An org-wide (Enterprise Grid) install has no team; install the app per workspace.");
        return new SlackInstallation(
            teamId,
            answer["team"]?["name"]?.GetValue<string>() ?? teamId,
            answer["app_id"]?.GetValue<string>() ?? "",
            answer["bot_user_id"]?.GetValue<string>() ?? "",
            SlackApiTransport.RequiredString(answer, "access_token", method),
            answer["scope"]?.GetValue<string>() ?? "",
            answer["authed_user"]?["id"]?.GetValue<string>() ?? "");
    }
}
