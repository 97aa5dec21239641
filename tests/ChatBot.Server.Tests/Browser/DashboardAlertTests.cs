using System.Text.RegularExpressions;
using ChatBot.Testing.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Server.Tests.Browser;

/// <summary>
/// The dashboard as a newcomer first sees it, in headless Chromium against the real server process: empty tables
/// that say what will appear, alerts for what needs a person with links to the fix, and, when the browser is not
/// on the server's machine (a published container port), what to set instead of an "error 403".
/// </summary>
public sealed class DashboardAlertTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chatbot-alerts-");
    private ServerProcess? _server;
    private BrowserSession? _browser;

    [Fact]
    public async Task Alerts_name_a_missing_model_a_failed_run_and_a_failing_monitor_and_link_to_the_fix()
    {
        var page = await StartAsync(behindProxy: false);
        await page.GotoAsync("/");

        var noModel = page.Locator("#alerts li[data-code='MODEL_NOT_CONFIGURED']");
        await Expect(noModel).ToContainTextAsync("Set Agent__Provider");
        await Expect(noModel.Locator("a.fix")).ToHaveAttributeAsync("href", "/docs/configuration#model-provider");
        await Expect(page.Locator("#health")).ToHaveTextAsync("healthy"); // not configured yet is not a fault
        await Expect(page.Locator("#runs tbody tr.empty")).ToContainTextAsync("No runs yet");
        await Expect(page.Locator("#approvals tbody tr.empty")).ToContainTextAsync("Nothing waits for a decision");
        await Expect(page.Locator("#monitors tbody tr.empty")).ToContainTextAsync("Type /monitor <url or topic>");
        await Expect(page.Locator("link[rel='icon']")).ToHaveAttributeAsync("href", "/favicon.svg");
        await _browser!.ScreenshotAsync("dashboard-fresh");

        await noModel.Locator("a.fix").ClickAsync();
        await Expect(page.Locator("h2#model-provider")).ToHaveTextAsync("Model provider");
        await Expect(page.Locator("h2#model-provider + table")).ToContainTextAsync("Agent__OpenAI__ApiKey");

        await page.GotoAsync("/playground/");
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        await SayAsync(page, "summarize the changelog of example.com");
        await Expect(page.Locator(".receipt")).ToHaveCountAsync(1);
        await SayAsync(page, "/monitor http://127.0.0.1:9/changelog"); // nothing listens on port 9
        await Expect(page.Locator(".message.ephemeral").Last).ToContainTextAsync("Monitoring http://127.0.0.1:9/changelog");
        await page.GotoAsync("/");

        var failedRun = page.Locator("#alerts li[data-code='RUN_FAILURES']");
        await Expect(failedRun).ToContainTextAsync("1 run failed in the last hour. Latest: No model provider is configured");
        await Expect(failedRun.Locator("a.fix")).ToHaveAttributeAsync("href", "/docs/configuration#model-provider");
        await Expect(page.Locator("#runs tbody tr td.request")).ToHaveTextAsync("summarize the changelog of example.com");
        var failingMonitor = page.Locator("#alerts li[data-code='MONITORS_FAILING']");
        await Expect(failingMonitor).ToContainTextAsync("Monitor http://127.0.0.1:9/changelog failed its last 1 check: ");
        await Expect(failingMonitor.Locator("a.fix")).ToHaveAttributeAsync("href", new Regex("^#monitor-monitor_"));
        await Expect(page.Locator("#health")).ToHaveTextAsync("degraded");
        await _browser.ScreenshotAsync("dashboard-alerts");

        await failingMonitor.Locator("a.fix").ClickAsync();
        // Highlighted, and still after the next refresh (which replaces the rows).
        var linked = page.Locator("#monitors tbody tr.linked");
        await Expect(linked).ToContainTextAsync("http://127.0.0.1:9/changelog");
        await page.EvaluateAsync("load()");
        await Expect(linked).ToContainTextAsync("http://127.0.0.1:9/changelog");
    }

    [Fact]
    public async Task A_browser_behind_a_proxy_is_told_to_set_ops_credentials_instead_of_an_error()
    {
        var page = await StartAsync(behindProxy: true);
        await page.GotoAsync("/");

        var locked = page.Locator("#alerts li[data-code='OPS_CREDENTIALS_NEEDED']");
        await Expect(locked).ToContainTextAsync("Set Ops__Username and Ops__Password");
        await Expect(locked).ToContainTextAsync("OPS_USERNAME and OPS_PASSWORD");
        await Expect(page.Locator("#health")).ToHaveTextAsync("locked");
        await Expect(page.Locator("#live")).Not.ToHaveTextAsync("reconnecting…");
        await _browser!.ScreenshotAsync("dashboard-locked");
    }

    private async Task<IPage> StartAsync(bool behindProxy)
    {
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Egress__AllowPrivateNetworks"] = "true",
            ["Jobs__HeartbeatInterval"] = "00:00:00.500",
        }, _directory.FullName, environment: "Development", startTimeout: TimeSpan.FromMinutes(3));
        // Bounds for a hung test only: on a loaded machine a run's receipt can take longer than Playwright's default 5 s.
        SetDefaultExpectTimeout(30_000);
        // Off the machine is what a published container port or a proxy looks like: the request carries a forwarding
        // header, so the server does not take it for a loopback caller (the test's traffic stays on loopback).
        _browser = await BrowserSession.StartAsync(_server.BaseUrl,
            behindProxy ? [new KeyValuePair<string, string>("X-Forwarded-For", "203.0.113.7")] : null);
        return _browser.Page;
    }

    private static async Task SayAsync(IPage page, string text)
    {
        await page.GetByLabel("Message").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
