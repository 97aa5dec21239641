using System.Net;
using ChatBot.Core.Chat;
using ChatBot.Core.Messaging;
using ChatBot.Core.Views;
using ChatBot.Slack.Install;
using ChatBot.Slack.Messaging;
using ChatBot.Slack.Tests.Infrastructure;
using ChatBot.Testing.Slack;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatBot.Slack.Tests.Install;

/// <summary>"Add to Slack": the authorize redirect, the signed browser-bound state, the code exchange, per-team tokens.</summary>
public sealed class SlackInstallTests
{
    private const string NewTeam = "T0NEWTEAM";

    private static readonly Dictionary<string, string?> AppCredentials = new()
    {
        ["Slack:ClientId"] = SlackApiDouble.ClientId,
        ["Slack:ClientSecret"] = SlackApiDouble.ClientSecret,
    };

    /// <summary>A browser: keeps cookies, does not follow redirects (the test plays Slack's authorize page).</summary>
    private static HttpClient Browser(SlackTestHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = host.Client.BaseAddress };

    private static async Task<(Uri Location, Dictionary<string, string> Query)> StartInstallAsync(HttpClient browser)
    {
        var response = await browser.GetAsync("/slack/install");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var query = QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        return (location, query);
    }

    [Fact]
    public async Task Install_redirects_to_the_authorize_page_with_the_bot_scopes_callback_and_a_state_bound_to_the_browser()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, settings: AppCredentials);
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Client.BaseAddress };

        var response = await browser.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(new Uri(slack.BaseUrl, "/oauth/v2/authorize").GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(SlackApiDouble.ClientId, query["client_id"].ToString());
        Assert.Equal(string.Join(',', SlackScopes.Bot), query["scope"].ToString());
        Assert.Equal(new Uri(host.Client.BaseAddress!, "/slack/oauth/callback").ToString(), query["redirect_uri"].ToString());
        Assert.True(query["state"].ToString().Length > 20);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(SlackOAuthState.CookieName + "=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_callback_trades_the_code_stores_the_install_and_that_team_is_then_called_with_its_own_token()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, settings: AppCredentials);
        using var browser = Browser(host);
        var (_, authorize) = await StartInstallAsync(browser);
        slack.InstallCodes["code-1"] = (NewTeam, "New Team", "U0INSTALLER");

        var callback = await browser.GetAsync($"/slack/oauth/callback?code=code-1&state={Uri.EscapeDataString(authorize["state"])}");

        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Contains("installed in New Team", await callback.Content.ReadAsStringAsync());
        var exchange = Assert.Single(slack.CallsTo("oauth.v2.access"));
        Assert.Equal("code-1", exchange.Arg("code"));
        Assert.Equal(authorize["redirect_uri"], exchange.Arg("redirect_uri"));
        var installation = host.Installations.Installed[NewTeam];
        Assert.Equal(new SlackInstallation(NewTeam, "New Team", "A0APP", "UBOT" + NewTeam, SlackApiDouble.InstalledTokenFor(NewTeam),
            "app_mentions:read,chat:write,commands", "U0INSTALLER"), installation);

        var messenger = host.Services.GetRequiredService<SlackMessenger>();
        await messenger.PostAsync(new ChatAddress(ChatPlatform.Slack, NewTeam, "C0NEW"), new TextView("hello new team"), CancellationToken.None);
        await messenger.PostAsync(new ChatAddress(ChatPlatform.Slack, SlackPayloads.Team, "C0OLD"), new TextView("hello old team"), CancellationToken.None);
        var posts = slack.CallsTo("chat.postMessage");
        Assert.Equal("Bearer " + SlackApiDouble.InstalledTokenFor(NewTeam), posts.Single(p => p.Arg("channel") == "C0NEW").Authorization);
        // A team without an OAuth install keeps using Slack__BotToken (single-workspace mode).
        Assert.Equal("Bearer " + SlackApiDouble.BotToken, posts.Single(p => p.Arg("channel") == "C0OLD").Authorization);
    }

    [Fact]
    public async Task A_callback_in_another_browser_or_with_a_forged_state_installs_nothing()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, settings: AppCredentials);
        using var starter = Browser(host);
        using var other = Browser(host);
        var (_, authorize) = await StartInstallAsync(starter);
        slack.InstallCodes["code-2"] = (NewTeam, "New Team", "U0INSTALLER");

        var elsewhere = await other.GetAsync($"/slack/oauth/callback?code=code-2&state={Uri.EscapeDataString(authorize["state"])}");
        var forged = await starter.GetAsync("/slack/oauth/callback?code=code-2&state=not-a-state");
        var missing = await starter.GetAsync("/slack/oauth/callback?code=code-2");

        foreach (var response in new[] { elsewhere, forged, missing })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("expired", await response.Content.ReadAsStringAsync());
        }
        Assert.Empty(slack.CallsTo("oauth.v2.access"));
        Assert.Empty(host.Installations.Installed);
    }

    [Fact]
    public async Task A_state_older_than_its_lifetime_is_refused_and_each_state_is_spent_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, time: time, settings: AppCredentials);
        using var browser = Browser(host);
        slack.InstallCodes["code-3"] = (NewTeam, "New Team", "U0INSTALLER");

        var (_, late) = await StartInstallAsync(browser);
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync($"/slack/oauth/callback?code=code-3&state={Uri.EscapeDataString(late["state"])}")).StatusCode);

        var (_, fresh) = await StartInstallAsync(browser);
        var url = $"/slack/oauth/callback?code=code-3&state={Uri.EscapeDataString(fresh["state"])}";
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);
        // The cookie was spent by the first use: replaying the same callback is refused before Slack is asked.
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(url)).StatusCode);
        Assert.Single(slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task A_callback_replayed_with_the_same_cookie_within_the_lifetime_is_refused_before_slack_is_asked()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, settings: AppCredentials);
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = host.Client.BaseAddress };
        var (_, authorize) = await StartInstallAsync(browser);
        var cookie = cookies.GetCookies(new Uri(host.Client.BaseAddress!, SlackOAuthState.CookiePath + "/callback"))[SlackOAuthState.CookieName]!.Value;
        slack.InstallCodes["code-r"] = (NewTeam, "New Team", "U0INSTALLER");
        var url = $"/slack/oauth/callback?code=code-r&state={Uri.EscapeDataString(authorize["state"])}";

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(url)).StatusCode);
        using var replay = new HttpRequestMessage(HttpMethod.Get, url);
        replay.Headers.Add("Cookie", $"{SlackOAuthState.CookieName}={cookie}");
        var replayed = await host.Client.SendAsync(replay);

        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Single(slack.CallsTo("oauth.v2.access"));
    }

    [Fact]
    public async Task A_cancelled_install_or_a_code_slack_refuses_installs_nothing_and_says_so()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, settings: AppCredentials);
        using var browser = Browser(host);

        var (_, first) = await StartInstallAsync(browser);
        var cancelled = await browser.GetAsync($"/slack/oauth/callback?error=access_denied&state={Uri.EscapeDataString(first["state"])}");
        Assert.Equal(HttpStatusCode.BadRequest, cancelled.StatusCode);
        Assert.Contains("access_denied", await cancelled.Content.ReadAsStringAsync());

        var (_, second) = await StartInstallAsync(browser);
        var refused = await browser.GetAsync($"/slack/oauth/callback?code=never-issued&state={Uri.EscapeDataString(second["state"])}");
        Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        Assert.Contains("invalid_code", await refused.Content.ReadAsStringAsync());
        Assert.Empty(host.Installations.Installed);
    }

    [Fact]
    public async Task Without_app_credentials_install_explains_which_settings_are_missing()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack);

        var response = await host.Client.GetAsync("/slack/install");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Slack__ClientId", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revoked_token_is_looked_up_afresh_so_a_reinstall_takes_effect_at_once()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        var installations = new InMemorySlackInstallations();
        await installations.SaveAsync(new SlackInstallation(NewTeam, "New Team", "A0APP", "UBOT", "xoxb-old-revoked", "", "U1"), CancellationToken.None);
        await using var services = SlackServices.For(slack, botToken: null, installations: installations);
        var messenger = services.GetRequiredService<SlackMessenger>();
        var to = new ChatAddress(ChatPlatform.Slack, NewTeam, "C0NEW");

        await Assert.ThrowsAsync<ChatBot.Slack.Api.SlackApiException>(() => messenger.PostAsync(to, new TextView("one"), CancellationToken.None));
        slack.IssuedTokens[SlackApiDouble.InstalledTokenFor(NewTeam)] = NewTeam;
        await installations.SaveAsync(installations.Installed[NewTeam] with { BotToken = SlackApiDouble.InstalledTokenFor(NewTeam) }, CancellationToken.None);
        await messenger.PostAsync(to, new TextView("two"), CancellationToken.None);

        Assert.Equal("Bearer " + SlackApiDouble.InstalledTokenFor(NewTeam), slack.CallsTo("chat.postMessage").Last().Authorization);
        await Assert.ThrowsAsync<PlatformNotConfiguredException>(() =>
            messenger.PostAsync(new ChatAddress(ChatPlatform.Slack, "T0UNKNOWN", "C1"), new TextView("nobody"), CancellationToken.None));
    }

    [Fact]
    public async Task Uninstalling_the_app_or_revoking_its_bot_token_forgets_the_install_but_a_user_token_revocation_does_not()
    {
        await using var slack = await SlackApiDouble.StartAsync();
        await using var host = await SlackTestHost.StartAsync(slack, settings: AppCredentials);
        var install = new SlackInstallation(SlackPayloads.Team, "Team", "A0APP", "UBOT", "xoxb-team", "", "U1");
        await host.Installations.SaveAsync(install, CancellationToken.None);

        var userRevoked = await host.SendAsync(host.Signer.Json("/slack/events", SlackPayloads.EventCallback(
            new System.Text.Json.Nodes.JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new System.Text.Json.Nodes.JsonObject { ["oauth"] = new System.Text.Json.Nodes.JsonArray("U1") } }, "EvRev1")));
        Assert.Equal(HttpStatusCode.OK, userRevoked.StatusCode);
        Assert.True(host.Installations.Installed.ContainsKey(SlackPayloads.Team));

        var uninstalled = await host.SendAsync(host.Signer.Json("/slack/events", SlackPayloads.EventCallback(
            new System.Text.Json.Nodes.JsonObject { ["type"] = "app_uninstalled" }, "EvUninstall1")));
        Assert.Equal(HttpStatusCode.OK, uninstalled.StatusCode);
        Assert.False(host.Installations.Installed.ContainsKey(SlackPayloads.Team));
        Assert.Empty(host.Inbox.Commands);

        await host.Installations.SaveAsync(install, CancellationToken.None);
        await host.SendAsync(host.Signer.Json("/slack/events", SlackPayloads.EventCallback(
            new System.Text.Json.Nodes.JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new System.Text.Json.Nodes.JsonObject { ["bot"] = new System.Text.Json.Nodes.JsonArray("UBOT") } }, "EvRev2")));
        Assert.False(host.Installations.Installed.ContainsKey(SlackPayloads.Team));
    }

    [Fact]
    public void The_app_manifest_asks_for_exactly_the_scopes_the_install_link_asks_for()
    {
        var manifest = File.ReadAllLines(Path.Combine(RepositoryRoot(), "manifests", "slack", "manifest.yaml"));
        var bot = manifest.SkipWhile(l => l.Trim() != "bot:").Skip(1).TakeWhile(l => l.TrimStart().StartsWith("- ")).Select(l => l.Trim()[2..]);

        Assert.Equal(SlackScopes.Bot, bot.ToList());
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatBot.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("ChatBot.sln not found above the test binaries");
    }
}
