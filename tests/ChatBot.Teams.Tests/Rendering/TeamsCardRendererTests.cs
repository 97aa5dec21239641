using System.Text.Json.Nodes;
using ChatBot.Core.Approvals;
using ChatBot.Core.Monitors;
using ChatBot.Core.Receipts;
using ChatBot.Core.Views;
using ChatBot.Teams.Activities;
using ChatBot.Teams.Rendering;

namespace ChatBot.Teams.Tests.Rendering;

public sealed class TeamsCardRendererTests
{
    private static readonly DateTimeOffset Expires = new(2030, 1, 2, 3, 4, 0, TimeSpan.Zero);

    public static TheoryData<ChatView> CardViews =>
    [
        new ReceiptView(ReceiptKind.Success, "run_1", "✓ Summarized feedback", [new ReceiptSegment("3 tools"), new ReceiptSegment("details", "https://bot/runs/run_1")]),
        new ApprovalRequestView("apr_1", "Send email", "alice", 30, ApprovalStatus.Pending, null, Expires),
        new MonitorRootView("mon_1", "https://example.com/changelog", Cadence.Daily, MonitorKind.Page),
        new MonitorUpdateView("mon_1", "Pro plan now $12", ["https://example.com/pricing"], new DateOnly(2030, 1, 1)),
        new MonitorListView([new MonitorListItem("mon_1", "https://example.com", Cadence.Hourly, MonitorStatus.Active, null)]),
        new MonitorListView([]),
        new HelpView([new HelpEntry("/monitor <url>", "watch a page")], "Here is what I can do"),
        new ProgressView(2, "reading the page"),
        new RunResultView("run_1", "All done."),
    ];

    [Theory]
    [MemberData(nameof(CardViews))]
    public void Every_view_but_text_is_an_adaptive_card_1_5(ChatView view)
    {
        var activity = TeamsCardRenderer.Render(view);

        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardType, attachment.ContentType);
        Assert.Equal("1.5", attachment.Content!["version"]!.GetValue<string>());
        Assert.NotEmpty(attachment.Content!["body"]!.AsArray());
        Assert.Equal(view.FallbackText, activity.Summary);
    }

    [Fact]
    public void Text_is_a_markdown_message()
    {
        var activity = TeamsCardRenderer.Render(new TextView("**hi**"));

        Assert.Equal(("**hi**", "markdown"), (activity.Text, activity.TextFormat));
        Assert.Null(activity.Attachments);
    }

    [Fact]
    public void The_receipts_reply_names_the_channel_without_slack_markup()
    {
        var reply = new TextView("Saved. Receipts without a channel of their own go to " + ChannelMention.Of("19:acc@thread.tacv2", "this channel") + ".");

        var activity = TeamsCardRenderer.Render(reply);
        var card = TeamsCardRenderer.Card(reply);

        Assert.Equal("Saved. Receipts without a channel of their own go to this channel.", activity.Text);
        Assert.Equal(activity.Text, card["body"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("<#", card.ToJsonString());
    }

    /// <summary>Golden, the Teams half of the Slack renderer's: Teams reads the Markdown as written.</summary>
    [Fact]
    public void A_receipt_with_formatting_characters_is_passed_as_written()
    {
        const string title = "⚠ Failed: set `Agent__Provider`; renamed report__final_v2 *.csv to *.txt ~ 3 files, _draft_ kept";
        var receipt = new ReceiptView(ReceiptKind.Failure, "run_9", title,
            [new ReceiptSegment("Tools: web_fetch, *"), new ReceiptSegment("view details ↗", "https://bot.example/runs/run_9")]);

        var body = TeamsCardRenderer.Card(receipt)["body"]!.AsArray().Select(b => b!["text"]!.GetValue<string>()).ToList();

        Assert.Equal([title, "Tools: web_fetch, * · [view details ↗](https://bot.example/runs/run_9)"], body);
    }

    [Fact]
    public void An_open_approval_has_approve_and_deny_executes_and_a_refresh()
    {
        var card = TeamsCardRenderer.Card(new ApprovalRequestView("apr_1", "Send email", "alice", 30, ApprovalStatus.Pending, null, Expires));

        var actions = card["actions"]!.AsArray();
        Assert.Equal(["approve", "deny"], actions.Select(a => a!["verb"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Execute", a!["type"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("apr_1", a!["data"]!["approvalId"]!.GetValue<string>()));
        Assert.Equal("refresh", card["refresh"]!["action"]!["verb"]!.GetValue<string>());
        Assert.Contains("~30 credits", card.ToJsonString());
    }

    [Fact]
    public void A_decided_approval_says_who_decided_and_has_no_buttons()
    {
        var card = TeamsCardRenderer.Card(new ApprovalRequestView("apr_1", "Send email", "alice", 30, ApprovalStatus.Approved, "bob", Expires));

        Assert.Null(card["actions"]);
        Assert.Null(card["refresh"]);
        Assert.Equal("**Approved by @bob**", card["body"]![0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("Approval needed", card.ToJsonString());
    }

    [Fact]
    public void An_expired_approval_says_expired_and_has_no_buttons()
    {
        var card = TeamsCardRenderer.Card(new ApprovalRequestView("apr_1", "Send email", "alice", 1, ApprovalStatus.Expired, null, Expires));

        Assert.Null(card["actions"]);
        Assert.Equal("**Expired**", card["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void An_approval_shows_the_exact_action_in_full_and_links_the_run_page_when_cut()
    {
        var view = new ApprovalRequestView("apr_1", "Send email to ops@example.com: “Weekly”", "alice", 1, ApprovalStatus.Pending, null, Expires)
        {
            Fields = [new ActionField("To", "ops@example.com"), new ActionField("Subject", "Weekly"), new ActionField("Body", "All quiet.\nNothing to do…", IsCode: true)],
            FieldsTruncated = true,
            DetailsUrl = "https://bot.example.com/runs/run_1",
        };

        var card = TeamsCardRenderer.Card(view);

        var texts = card["body"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "TextBlock").Select(b => b!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(["**Approval needed**", "Send email to ops@example.com: “Weekly”", "**To**", "ops@example.com", "**Subject**", "Weekly",
            "**Body**", "All quiet.\nNothing to do…", "Shortened to fit here: [the full action is on the run's page](https://bot.example.com/runs/run_1)"], texts);
        Assert.Contains(card["body"]!.AsArray(), b => b!["fontType"]?.GetValue<string>() == "Monospace");
        Assert.Contains("~1 credit\"", card.ToJsonString());
    }

    [Fact]
    public void Monitor_list_buttons_carry_the_monitor_and_the_action_as_verb()
    {
        var card = TeamsCardRenderer.Card(new MonitorListView([new MonitorListItem("mon_9", "q", Cadence.Weekly, MonitorStatus.Paused, null)]));

        var verbs = card.ToJsonString();
        Assert.Contains("\"verb\":\"monitor.resume\"", verbs);
        Assert.Contains("\"verb\":\"monitor.cancel\"", verbs);
        Assert.Contains("\"monitorId\":\"mon_9\"", verbs);
        Assert.Equal(Core.Inbound.ActionIds.ResumeMonitor, CardVerbs.ActionIdOf("monitor.resume"));
    }
}
