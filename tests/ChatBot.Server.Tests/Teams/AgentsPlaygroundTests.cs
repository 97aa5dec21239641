using ChatBot.Server.Tests.Browser;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using ChatBot.Testing.Teams;
using ChatBot.Testing.Web;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Server.Tests.Teams;

/// <summary>
/// The README's local Teams path with Microsoft's own test client: the real server process in Teams local mode
/// (no app id), the Agents Playground from npm pointed at it, and the playground's page driven in headless Chromium.
/// The playground's default user (<c>user-id-0</c>) is named an admin through <c>Teams__AdminIds__0</c>.
/// </summary>
public sealed class AgentsPlaygroundTests : IAsyncLifetime
{
    private const string PlaygroundUserId = "user-id-0";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chatbot-agents-playground-");
    private ModelDouble _model = null!;
    private WebDouble _web = null!;
    private ServerProcess _server = null!;
    private AgentsPlaygroundProcess _playground = null!;
    private BrowserSession _browser = null!;

    public async Task InitializeAsync()
    {
        _model = await ModelDouble.StartAsync();
        _web = await WebDouble.StartAsync();
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Agent__Provider"] = "openai",
            ["Agent__Model"] = "double-model",
            ["Agent__OpenAI__Endpoint"] = _model.OpenAIEndpoint,
            ["Egress__AllowPrivateNetworks"] = "true",
            ["Email__SmtpHost"] = "127.0.0.1",
            ["Email__SmtpPort"] = "9",
            ["Teams__AdminIds__0"] = PlaygroundUserId,
            ["Jobs__HeartbeatInterval"] = "00:00:00.500",
        }, _directory.FullName, environment: "Development");
        _playground = await AgentsPlaygroundProcess.StartAsync(new Uri(_server.BaseUrl, "/api/messages"), _directory.FullName);
        _browser = await BrowserSession.StartAsync(_playground.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _playground.DisposeAsync();
        await _server.DisposeAsync();
        await _web.DisposeAsync();
        await _model.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    /// <summary>The page is several megabytes of script on a busy machine: waits bound a hung test only.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 90_000 };

    /// <summary>Opens the page and waits until the playground says it reached the bot.</summary>
    private async Task OpenAsync()
    {
        await _browser.Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 90_000 });
        await Expect(_browser.Page.GetByText("Connected.")).ToBeVisibleAsync(Patiently);
    }

    private async Task SayAsync(string text)
    {
        // The compose box is a rich-text editor (contenteditable), so it is typed into as a person would.
        var box = _browser.Page.Locator("[data-lexical-editor='true']");
        await box.ClickAsync();
        await box.PressSequentiallyAsync(text);
        await _browser.Page.GetByRole(AriaRole.Button, new() { Name = "Send Message" }).ClickAsync();
    }

    [Fact]
    public async Task Help_shows_the_command_table()
    {
        var page = _browser.Page;
        await OpenAsync();

        await SayAsync("/help");

        await Expect(page.GetByText("Reply this in a monitor's thread to stop it.")).ToBeVisibleAsync(Patiently);
        await _browser.ScreenshotAsync("agents-playground-help");
    }

    [Fact]
    public async Task A_page_monitor_posts_its_root_message_naming_cancelmonitor()
    {
        _web.Serve("/changelog", "<html><body><h1>Changelog</h1><p>v1.0 released.</p></body></html>");
        var page = _browser.Page;
        await OpenAsync();

        await SayAsync($"monitor {_web.Url("/changelog")}");

        await Expect(page.GetByText($"Monitoring {_web.Url("/changelog")}").Last).ToBeVisibleAsync(Patiently);
        await Expect(page.GetByText("cancelmonitor").Last).ToBeVisibleAsync(Patiently);
        await _browser.ScreenshotAsync("agents-playground-monitor");
    }
}
