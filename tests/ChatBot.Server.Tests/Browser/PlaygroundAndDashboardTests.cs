using ChatBot.Server.Tests.Browser;
using ChatBot.Testing.Hosting;
using ChatBot.Testing.Models;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatBot.Server.Tests.Browser;

/// <summary>
/// The web pages in headless Chromium against the real server process (embedded default storage) with the real
/// agent engine talking to a local model double: playground, approvals, the run page and the dashboard.
/// </summary>
public sealed class PlaygroundAndDashboardTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("chatbot-browser-");
    private ModelDouble _model = null!;
    private ServerProcess _server = null!;
    private BrowserSession _browser = null!;

    public async Task InitializeAsync()
    {
        _model = await ModelDouble.StartAsync();
        _server = await ModelDoubleServer.StartAsync(_model, _directory.FullName);
        _browser = await BrowserSession.StartAsync(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
        await _model.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    private async Task SayAsync(string text)
    {
        await _browser.Page.GetByLabel("Message").FillAsync(text);
        await _browser.Page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
    }

    [Fact]
    public async Task A_page_monitor_created_in_the_playground_posts_its_root_message()
    {
        var page = _browser.Page;
        await page.GotoAsync("/playground/");
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");

        await SayAsync("/monitor https://example.com/changelog");

        await Expect(page.Locator(".message.ephemeral").Last).ToContainTextAsync("Monitoring https://example.com/changelog · daily");
        await Expect(page.Locator(".message[data-view='monitor_root']")).ToContainTextAsync("cancelmonitor");
        await _browser.ScreenshotAsync("playground-monitor");
    }

    [Fact]
    public async Task On_a_phone_sized_window_the_conversation_takes_the_screen_and_the_playground_stays_usable()
    {
        var page = _browser.Page;
        await page.SetViewportSizeAsync(375, 740);
        await page.GotoAsync("/playground/");
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");

        await SayAsync("/help");

        await Expect(page.Locator(".message[data-view='help']").Last).ToBeInViewportAsync();
        var sidebar = (await page.Locator(".sidebar").BoundingBoxAsync())!;
        var messages = (await page.Locator("#messages").BoundingBoxAsync())!;
        var input = (await page.GetByLabel("Message").BoundingBoxAsync())!;
        Assert.True(sidebar.Height < 740 / 6.0, $"the channel bar is {sidebar.Height}px high");
        Assert.True(messages.Width >= 350 && messages.Height >= 740 / 2.0, $"the conversation is {messages.Width}×{messages.Height}px");
        Assert.True(input.Width >= 250 && input.Y + input.Height <= 740, $"the message box is {input.Width}px wide at y={input.Y}");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeInViewportAsync();
        await _browser.ScreenshotAsync("playground-phone");
    }

    [Fact]
    public async Task A_task_that_needs_approval_is_approved_in_the_playground_and_its_receipt_links_to_the_run_page()
    {
        _model.Then(ScriptedModelReply.Call("email_send", """{"to":"ops@example.com","subject":"Weekly summary","body":"All quiet."}"""))
            .Then(ScriptedModelReply.Answer("HEADLINE: Tried to email the weekly summary\nOUTCOME: the mail server refused the connection\n\nThe mail server at 127.0.0.1:9 refused the connection."));
        var page = _browser.Page;
        await page.GotoAsync("/playground/");
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");

        await SayAsync("email ops@example.com the weekly summary");
        var approval = page.Locator(".approval");
        await Expect(approval).ToContainTextAsync("Send email to ops@example.com: “Weekly summary”");
        await Expect(approval.Locator(".approval-header")).ToHaveTextAsync("Approval needed");
        await Expect(approval.Locator(".action-field[data-label='To']")).ToHaveTextAsync("To: ops@example.com");
        await Expect(approval.Locator(".action-field[data-label='Subject']")).ToHaveTextAsync("Subject: Weekly summary");
        await Expect(approval.Locator(".action-field[data-label='Body'] pre")).ToHaveTextAsync("All quiet.");
        await Expect(approval).ToContainTextAsync("~1 credit");
        await _browser.ScreenshotAsync("playground-approval-request");
        await approval.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(approval.Locator(".approval-header")).ToHaveTextAsync("Approved by @you");
        await Expect(approval.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var receipt = page.Locator(".receipt");
        await Expect(receipt.Locator(".title")).ToHaveTextAsync("✓ Tried to email the weekly summary — the mail server refused the connection");
        // Two lines: the title and the details; the bot's name and a live age are the page's own message header.
        await Expect(receipt.Locator(":scope > div")).ToHaveCountAsync(2);
        var receiptMessage = page.Locator(".message[data-view='receipt']");
        await Expect(receiptMessage.Locator(".author")).ToContainTextAsync("ChatBot");
        await Expect(receiptMessage.Locator(".author .time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+[smh] ago$"));
        await _browser.ScreenshotAsync("playground-receipt");

        await receipt.Locator("a.details-link").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/runs/run_"));
        await Expect(page.Locator("#state")).ToHaveTextAsync("succeeded");
        await Expect(page.Locator("#headline")).ToHaveTextAsync("Tried to email the weekly summary");
        await Expect(page.Locator("#timeline li[data-kind='approval_approved']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#timeline li[data-kind='approval_requested']")).ToContainTextAsync("Body: All quiet.");
        await Expect(page.Locator("#meta")).ToContainTextAsync("email:send");
        await _browser.ScreenshotAsync("run-detail");

        await page.GotoAsync("/");
        await Expect(page.Locator("#runs tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#runs-chart rect[data-label='succeeded']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_monitor_is_cancelled_by_replying_in_its_thread_and_the_monitors_card_loses_its_buttons()
    {
        var page = _browser.Page;
        await page.GotoAsync("/playground/");
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");
        await SayAsync("/monitor https://example.com/changelog");
        await SayAsync("/monitor https://example.com/pricing");
        var roots = page.Locator(".root:has(.message[data-view='monitor_root'])");
        await Expect(roots).ToHaveCountAsync(2);

        // The README's flow: reply cancelmonitor in the monitor's thread.
        var changelog = roots.Filter(new() { HasText = "https://example.com/changelog" });
        await changelog.GetByRole(AriaRole.Button, new() { Name = "Reply in thread" }).ClickAsync();
        await Expect(page.Locator("#replying")).ToBeVisibleAsync();
        await SayAsync("cancelmonitor");
        // The person's reply sits in the monitor's thread (the bot's own notices there mention cancelmonitor too).
        await Expect(changelog.Locator(".thread .message:has(.avatar.you)")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("cancelmonitor"));
        await Expect(changelog.Locator(".thread")).ToContainTextAsync("Monitor canceled by @you");
        await _browser.ScreenshotAsync("playground-cancelmonitor-in-thread");

        await page.GetByRole(AriaRole.Button, new() { Name = "Stop replying in thread" }).ClickAsync();
        await SayAsync("/monitors");
        var card = page.Locator(".message[data-view='monitor_list']").Last;
        await Expect(card.Locator(".monitor-item")).ToHaveCountAsync(1);
        await card.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Expect(card.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(card).ToContainTextAsync("No monitors in this channel yet");
        await _browser.ScreenshotAsync("playground-monitors-card-after-cancel");
    }

    [Fact]
    public async Task Slack_style_markup_from_the_bot_is_drawn_as_slack_shows_it()
    {
        var page = _browser.Page;
        await page.GotoAsync("/playground/");
        await Expect(page.Locator("#status")).ToHaveTextAsync("live");

        await SayAsync("/receipts here");
        var saved = page.Locator(".message").Filter(new() { HasText = "Saved." });
        // The neutral channel mention is drawn as a channel chip, named "this channel" where it is the one typed in.
        await Expect(saved).ToContainTextAsync("go to this channel");
        await Expect(saved.Locator(".channel-ref[data-channel='general']")).ToHaveTextAsync("this channel");
        await Expect(saved).Not.ToContainTextAsync("<#");
        await Expect(saved).Not.ToContainTextAsync("chat-channel:");

        await SayAsync("/receipts colour blue");
        var usage = page.Locator(".message").Filter(new() { HasText = "Usage:" });
        await Expect(usage.Locator("code").First).ToHaveTextAsync("/receipts status");
        await Expect(usage).Not.ToContainTextAsync("`");
        await _browser.ScreenshotAsync("playground-markup");
    }

    [Fact]
    public async Task A_node_can_be_drained_and_undrained_from_the_dashboard()
    {
        var page = _browser.Page;
        await page.GotoAsync("/");
        var node = page.Locator("#nodes tbody tr").First;
        await Expect(node).ToHaveAttributeAsync("data-state", "active");

        await node.Locator("input.drain").CheckAsync();

        await Expect(page.Locator("#nodes tbody tr").First).ToHaveAttributeAsync("data-state", "draining");
        await Expect(page.Locator("#health")).ToHaveTextAsync("unhealthy");
        await _browser.ScreenshotAsync("dashboard-draining");
        await page.Locator("#nodes tbody tr").First.Locator("input.drain").UncheckAsync();
        await Expect(page.Locator("#nodes tbody tr").First).ToHaveAttributeAsync("data-state", "active");
        await Expect(page.Locator("#health")).ToHaveTextAsync("healthy");
    }
}
