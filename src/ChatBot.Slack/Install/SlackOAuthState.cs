using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatBot.Slack.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Install;

/// <summary>
/// The OAuth <c>state</c> of an "Add to Slack" link: a random nonce and an expiry, protected by Data Protection
/// (keys shared by every node), and the same nonce in a cookie, so a callback is accepted only in the browser
/// that started the install and only before the link expires (no login CSRF). Each nonce is also recorded when
/// used, so a replayed callback is refused even with the cookie.
/// </summary>
public sealed class SlackOAuthState(
    IDataProtectionProvider protection, IOptionsMonitor<SlackOptions> options, ISlackInstallationStore installations, TimeProvider time)
{
    public const string CookieName = "chatbot_slack_install";
    public const string CookiePath = "/slack/oauth";

    private IDataProtector Protector => protection.CreateProtector("ChatBot.Slack.OAuthState");

    public string Issue(HttpContext http)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var lifetime = options.CurrentValue.InstallStateLifetime;
        var expires = time.GetUtcNow() + lifetime;
        http.Response.Cookies.Append(CookieName, nonce, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            // Lax: the cookie must ride along on Slack's top-level redirect back to the callback.
            SameSite = SameSiteMode.Lax,
            Path = CookiePath,
            MaxAge = lifetime,
        });
        return Protector.Protect($"{nonce}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// True when the state is ours, unexpired, matches this browser's cookie and was never used before. The cookie
    /// is spent either way; the state is spent when it is accepted.
    /// </summary>
    public async Task<bool> TryAcceptAsync(HttpContext http, string? state, CancellationToken ct) =>
        Verify(http, state) is { } nonce && await installations.TryConsumeStateAsync(nonce, ct);

    /// <summary>The state's nonce when it is ours, unexpired and matches this browser's cookie.</summary>
    private string? Verify(HttpContext http, string? state)
    {
        var cookie = http.Request.Cookies[CookieName];
        http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = CookiePath });
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(cookie)) return null;

        string payload;
        try
        {
            payload = Protector.Unprotect(state);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        var valid = parts.Length == 2
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && time.GetUtcNow().ToUnixTimeSeconds() <= expires
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[0]), Encoding.ASCII.GetBytes(cookie));
        return valid ? parts[0] : null;
    }
}
