using System.Text.Json.Nodes;
using ChatBot.Core.Approvals;
using ChatBot.Core.Commands;
using ChatBot.Core.Inbound;
using ChatBot.Core.Monitors;
using ChatBot.Core.Receipts;
using ChatBot.Core.Views;
using ChatBot.Slack.Rendering;

namespace ChatBot.Slack.Tests.Rendering;

public sealed class SlackBlockRendererTests
{
    private static readonly DateTimeOffset Expires = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly SlackBlockRenderer _renderer = new();

    private static string Type(JsonNode? block) => block!["type"]!.GetValue<string>();

    [Fact]
    public void An_open_approval_request_has_approve_and_deny_buttons_carrying_the_approval_id()
    {
        var view = new ApprovalRequestView("apr_42", "Send email to <ops@example.com> & CC finance", "ada", 15, ApprovalStatus.Pending, null, Expires);

        var message = _renderer.Render(view);

        Assert.Equal("Approval needed: Send email to &lt;ops@example.com&gt; &amp; CC finance (requested by @ada, ~15 credits)", message.Text);
        Assert.Equal(["section", "context", "actions"], message.Blocks.Select(Type));
        Assert.Equal("*Approval needed*\nSend email to &lt;ops@example.com&gt; &amp; CC finance", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        var context = message.Blocks[1]!["elements"]![0]!["text"]!.GetValue<string>();
        Assert.Contains("Requested by @ada · ~15 credits", context);
        Assert.Contains($"<!date^{Expires.ToUnixTimeSeconds()}^", context);

        var actions = message.Blocks[2]!;
        Assert.Equal("approval:apr_42", actions["block_id"]!.GetValue<string>());
        var buttons = actions["elements"]!.AsArray();
        Assert.Equal(2, buttons.Count);
        var approve = buttons[0]!;
        Assert.Equal("button", Type(approve));
        Assert.Equal(ActionIds.Approve, approve["action_id"]!.GetValue<string>());
        Assert.Equal("apr_42", approve["value"]!.GetValue<string>());
        Assert.Equal("primary", approve["style"]!.GetValue<string>());
        Assert.Equal("Approve", approve["text"]!["text"]!.GetValue<string>());
        Assert.Equal("plain_text", approve["text"]!["type"]!.GetValue<string>());
        var deny = buttons[1]!;
        Assert.Equal(ActionIds.Deny, deny["action_id"]!.GetValue<string>());
        Assert.Equal("apr_42", deny["value"]!.GetValue<string>());
        Assert.Equal("danger", deny["style"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ApprovalStatus.Approved, "Approved by @grace")]
    [InlineData(ApprovalStatus.Denied, "Denied by @grace")]
    [InlineData(ApprovalStatus.Expired, "Expired")]
    public void A_decided_approval_says_so_in_its_header_and_has_no_buttons(ApprovalStatus status, string outcome)
    {
        var message = _renderer.Render(new ApprovalRequestView("apr_42", "Post to #general", "ada", 3, status, "grace", Expires));

        Assert.DoesNotContain(message.Blocks, b => Type(b) == "actions");
        Assert.StartsWith($"*{outcome}*\n", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.DoesNotContain("Approval needed", message.Blocks.ToJsonString());
        Assert.StartsWith($"{outcome}: ", message.Text);
    }

    [Fact]
    public void An_approval_shows_the_exact_action_and_links_the_full_text_when_cut()
    {
        var view = new ApprovalRequestView("apr_42", "POST http://hooks.example.com/hook", "ada", 1, ApprovalStatus.Pending, null, Expires)
        {
            Fields = [new ActionField("URL", "http://hooks.example.com/hook"), new ActionField("Body", "{\"text\":\"<deploy> done\"}…", IsCode: true)],
            FieldsTruncated = true,
            DetailsUrl = "https://bot.example.com/runs/run_1",
        };

        var message = _renderer.Render(view);

        Assert.Equal(["section", "section", "section", "context", "context", "actions"], message.Blocks.Select(Type));
        Assert.Equal("*URL:* http://hooks.example.com/hook", message.Blocks[1]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("*Body*\n```{\"text\":\"&lt;deploy&gt; done\"}…```", message.Blocks[2]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("Shortened to fit here: <https://bot.example.com/runs/run_1|the full action is on the run's page>",
            message.Blocks[3]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.StartsWith("Requested by @ada · ~1 credit · expires", message.Blocks[4]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void The_monitor_list_offers_pause_or_resume_and_cancel_per_monitor()
    {
        var view = new MonitorListView(
        [
            new MonitorListItem("mon_a", "https://example.com/pricing", Cadence.Daily, MonitorStatus.Active, null),
            new MonitorListItem("mon_b", "AI funding news", Cadence.Weekly, MonitorStatus.Paused, Expires),
        ]);

        var message = _renderer.Render(view);

        var actionBlocks = message.Blocks.Where(b => Type(b) == "actions").ToList();
        Assert.Equal(2, actionBlocks.Count);
        string[] Ids(JsonNode block) => block["elements"]!.AsArray().Select(e => $"{e!["action_id"]}={e["value"]}").ToArray();
        Assert.Equal([$"{ActionIds.PauseMonitor}=mon_a", $"{ActionIds.CancelMonitor}=mon_a"], Ids(actionBlocks[0]!));
        Assert.Equal([$"{ActionIds.ResumeMonitor}=mon_b", $"{ActionIds.CancelMonitor}=mon_b"], Ids(actionBlocks[1]!));
        Assert.Contains("weekly · paused · last checked <!date^", message.Blocks[2]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_long_monitor_list_stays_within_slacks_fifty_blocks()
    {
        var items = Enumerable.Range(0, 40).Select(i => new MonitorListItem($"mon_{i}", $"topic {i}", Cadence.Daily, MonitorStatus.Active, null)).ToList();

        var message = _renderer.Render(new MonitorListView(items));

        Assert.True(message.Blocks.Count <= SlackBlockRenderer.MaxBlocks);
        Assert.Contains("16 more not shown", message.Blocks[^1]!.ToJsonString());
    }

    [Fact]
    public void A_receipt_is_a_title_section_and_a_details_line_with_links()
    {
        var receipt = new ReceiptView(ReceiptKind.Success, "run_1", "✓ Summarized **feedback** — 3 themes",
            [new ReceiptSegment("120 credits"), new ReceiptSegment("Slack, Notion"), new ReceiptSegment("view details ↗", "https://bot.example/runs/run_1?a=1&b=2")]);

        var message = _renderer.Render(receipt);

        Assert.Equal(["section", "context"], message.Blocks.Select(Type));
        Assert.Equal("✓ Summarized *feedback* — 3 themes", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("120 credits · Slack, Notion · <https://bot.example/runs/run_1?a=1&amp;b=2|view details ↗>",
            message.Blocks[1]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_long_result_is_split_into_sections_of_at_most_3000_characters()
    {
        var output = string.Join("\n", Enumerable.Range(0, 400).Select(i => $"Line {i}: some findings & notes"));

        var message = _renderer.Render(new RunResultView("run_1", output));

        Assert.True(message.Blocks.Count > 1);
        Assert.All(message.Blocks, b => Assert.True(b!["text"]!["text"]!.GetValue<string>().Length <= SlackBlockRenderer.MaxSectionLength));
        Assert.Equal(output.Replace("&", "&amp;"), string.Concat(message.Blocks.Select(b => b!["text"]!["text"]!.GetValue<string>())));
        Assert.True(message.Text.Length <= SlackBlockRenderer.MaxTextLength);
    }

    [Fact]
    public void Help_lists_every_command_and_the_unknown_command_preamble()
    {
        var message = _renderer.Render(HelpCatalog.View("/frobnicate"));

        Assert.Equal("I don't know the command `/frobnicate`. Here is what I can do:", message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        var list = message.Blocks[1]!["text"]!["text"]!.GetValue<string>();
        Assert.Contains("`/monitor &lt;query&gt;` — Watch a page", list);
        Assert.Contains("`/receipts` —", list);
    }

    [Fact]
    public void Monitor_root_update_and_progress_views_render_as_mrkdwn()
    {
        var root = _renderer.Render(new MonitorRootView("mon_1", "https://example.com", Cadence.Hourly, MonitorKind.Page));
        Assert.Equal("*Monitoring* https://example.com", root.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("page · hourly · reply `cancelmonitor` in this thread to stop", root.Blocks[1]!["elements"]![0]!["text"]!.GetValue<string>());

        var update = _renderer.Render(new MonitorUpdateView("mon_1", "Price went from $10 to $12", ["https://example.com/pricing"], new DateOnly(2026, 11, 20)));
        Assert.Equal("2026-11-20 · Sources: <https://example.com/pricing|example.com>", update.Blocks[1]!["elements"]![0]!["text"]!.GetValue<string>());

        var progress = _renderer.Render(new ProgressView(2, "reading #customer-feedback"));
        Assert.Equal("context", Type(progress.Blocks[0]));
        Assert.Equal("⏳ Working · step 2 · reading #customer-feedback", progress.Text);
    }

    [Fact]
    public void The_receipts_reply_links_the_channel_the_way_slack_expects()
    {
        var reply = new TextView("Saved. Receipts without a channel of their own go to " + ChannelMention.Of("C0REC", "this channel")
            + ". Tools: on · credits: off · link: on.");

        var message = _renderer.Render(reply);

        const string expected = "Saved. Receipts without a channel of their own go to <#C0REC>. Tools: on · credits: off · link: on.";
        Assert.Equal(expected, message.Text);
        Assert.Equal(expected, Assert.Single(message.Blocks)!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void A_channel_mention_that_is_not_a_slack_channel_id_shows_its_label_and_cannot_inject_markup()
    {
        Assert.Equal("go to #general", SlackMrkdwn.FromMarkdown("go to " + ChannelMention.Of("general", "#general")));
        Assert.Equal("go to &lt;!channel&gt;", SlackMrkdwn.FromMarkdown("go to " + ChannelMention.Of("<!channel>", "<!channel>")));
    }

    /// <summary>Golden: a receipt whose text holds every character mrkdwn treats as formatting reads as it does on Teams.</summary>
    [Fact]
    public void A_receipt_with_formatting_characters_reads_as_written()
    {
        var receipt = new ReceiptView(ReceiptKind.Failure, "run_9",
            "⚠ Failed: set `Agent__Provider`; renamed report__final_v2 *.csv to *.txt ~ 3 files, _draft_ kept",
            [new ReceiptSegment("Tools: web_fetch, *"), new ReceiptSegment("view details ↗", "https://bot.example/runs/run_9")]);

        var message = _renderer.Render(receipt);

        const string zw = "\u200B";
        Assert.Equal($"⚠ Failed: set `Agent__Provider`; renamed report__final_v2 {zw}*{zw}.csv to {zw}*{zw}.txt ~ 3 files, _draft_ kept",
            message.Blocks[0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal("Tools: web_fetch, * · <https://bot.example/runs/run_9|view details ↗>",
            message.Blocks[1]!["elements"]![0]!["text"]!.GetValue<string>());
        Assert.Equal($"⚠ Failed: set `Agent__Provider`; renamed report__final_v2 {zw}*{zw}.csv to {zw}*{zw}.txt ~ 3 files, _draft_ kept\nTools: web_fetch, * · view details ↗",
            message.Text);
    }

    [Theory]
    [InlineData("Set Agent__Provider to openai (with Agent__OpenAI__ApiKey)", "Set Agent__Provider to openai (with Agent__OpenAI__ApiKey)")]
    [InlineData("*italic* and _also_ and ~~struck~~", "_italic_ and _also_ and ~struck~")]
    [InlineData("`a_b*c` stays code", "`a_b*c` stays code")]
    [InlineData("~15 credits, *.csv", "~15 credits, *.csv")]
    [InlineData("**bold** and __also__", "*bold* and *also*")]
    [InlineData("see [the docs](https://example.com/a_b?x=1&y=2)", "see <https://example.com/a_b?x=1&amp;y=2|the docs>")]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("<!channel> <@U123> hi", "&lt;!channel&gt; &lt;@U123&gt; hi")]
    [InlineData("## Findings\n- one\n- two", "*Findings*\n• one\n• two")]
    [InlineData("[a|b](https://x.example/p|q)", "<https://x.example/p%7Cq|a¦b>")]
    public void Markdown_becomes_escaped_slack_mrkdwn(string markdown, string mrkdwn) =>
        Assert.Equal(mrkdwn, SlackMrkdwn.FromMarkdown(markdown));
}
