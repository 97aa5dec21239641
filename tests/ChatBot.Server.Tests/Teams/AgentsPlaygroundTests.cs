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
/// Every step goes through the page as a person would, the channel mention included (picked from the page's
/// @mention menu); nothing is posted to the playground's HTTP endpoints behind its back.
/// </summary>
public sealed class AgentsPlaygroundTests : IAsyncLifetime
{
    private const string PlaygroundUserId = "user-id-0";
    private const string PlaygroundUserName = "Alex Wilber";
    private const string BotName = "Test Bot";

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
        _server = await ModelDoubleServer.StartAsync(_model, _directory.FullName,
            new Dictionary<string, string> { ["Teams__AdminIds__0"] = PlaygroundUserId });
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
    private const float PatientWait = 90_000;
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = PatientWait };

    /// <summary>Opens the page and waits until the playground says it reached the bot.</summary>
    private async Task OpenAsync()
    {
        await _browser.Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit, Timeout = PatientWait });
        await Expect(_browser.Page.GetByText("Connected.")).ToBeVisibleAsync(Patiently);
    }

    /// <summary>The page's compose boxes: the new-post box, and one reply box under each channel post.</summary>
    private const string Editor = "[data-lexical-editor='true']";

    private async Task SayAsync(string text)
    {
        // The compose box is a rich-text editor (contenteditable), so it is typed into as a person would.
        var box = _browser.Page.Locator(Editor);
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

    [Fact]
    public async Task A_mention_that_needs_approval_is_approved_on_its_card_and_the_receipt_joins_the_reply_chain()
    {
        _model.Then(ScriptedModelReply.Call("email_send", """{"to":"ops@example.com","subject":"Weekly summary","body":"All quiet."}"""))
            .Then(ScriptedModelReply.Answer("HEADLINE: Tried to email the weekly summary\nOUTCOME: the mail server refused the connection\n\nThe mail server at 127.0.0.1:9 refused the connection."));
        var page = _browser.Page;
        await OpenAsync();
        await page.GetByText("General", new() { Exact = true }).ClickAsync();

        // A channel post that mentions the bot, picked from the page's own @mention menu as a person would.
        var newPost = page.Locator(Editor);
        await Expect(newPost).ToHaveCountAsync(1, new() { Timeout = PatientWait });
        await newPost.ClickAsync();
        await newPost.PressSequentiallyAsync("@");
        await page.GetByRole(AriaRole.Menuitem, new() { Name = BotName }).ClickAsync();
        await newPost.PressSequentiallyAsync(" email ops@example.com the weekly summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Post", Exact = true }).ClickAsync();

        // The mention's post: the innermost block holding both its text and its own reply box.
        var post = page.Locator("div").Filter(new() { HasText = "email ops@example.com the weekly summary" })
            .Filter(new() { Has = page.Locator(Editor) }).Last;
        var approval = post.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Send email to ops@example.com" });
        await Expect(approval).ToContainTextAsync("Approval needed", new() { Timeout = PatientWait });
        await Expect(approval.GetByRole(AriaRole.Button, new() { Name = "Deny" })).ToBeVisibleAsync(Patiently);
        await _browser.ScreenshotAsync("agents-playground-approval-request");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(approval).ToContainTextAsync($"Approved by @{PlaygroundUserName}", new() { Timeout = PatientWait });
        await Expect(approval.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var receipt = post.Locator(".ac-adaptiveCard").Filter(new() { HasText = "Tried to email the weekly summary" });
        await Expect(receipt.Locator(".ac-textBlock").First)
            .ToHaveTextAsync("✓ Tried to email the weekly summary — the mail server refused the connection", new() { Timeout = PatientWait });
        await Expect(receipt.Locator(".ac-textBlock")).ToHaveCountAsync(2);
        // Everything went into the mention's reply chain: no other post (each post has its own reply box) was made.
        await Expect(page.Locator(Editor)).ToHaveCountAsync(2);
        await _browser.ScreenshotAsync("agents-playground-receipt");
    }
}
