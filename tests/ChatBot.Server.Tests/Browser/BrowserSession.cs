using Microsoft.Playwright;

namespace ChatBot.Server.Tests.Browser;

/// <summary>
/// Headless Debian Chromium driven by Playwright (no browser download is possible here; the test command
/// installs the <c>chromium</c> package). Screenshots go to <c>screenshots/</c> next to the test assembly.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <param name="headers">Sent with every request the page makes (a proxy's forwarding headers, say).</param>
    public static async Task<BrowserSession> StartAsync(Uri baseUrl, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the suite with ./build.sh test, which installs Debian's chromium.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"] // Playwright gives each launch a fresh profile of its own.,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, ExtraHTTPHeaders = headers,
        });
        context.SetDefaultTimeout(20_000);
        // Expect() waits on the same bound as actions: a busy machine can take longer than Playwright's 5 s default.
        Assertions.SetDefaultExpectTimeout(20_000);
        return new BrowserSession(playwright, browser, await context.NewPageAsync());
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
