using ChatBot.Core.Chat;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;
using System.Text.Json;

namespace ChatBot.Core.Tests.Receipts;

/// <summary>
/// The three receipts of the reference format, pinned character for character in golden files (Receipts/Golden),
/// rendered the way the document draws them: title and indented details, exactly two lines (the bot's name and
/// the post's age are the chat client's own header). Random ids are the only substitution.
/// </summary>
public sealed class ReceiptFormatterTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 26, 15, 42, 0, TimeSpan.Zero);
    private readonly ReceiptOptions _options = new() { BotName = "ChatBot", PublicBaseUrl = "https://bot.example.com", SupportContact = "support@example.com" };

    private ReceiptFormatter Formatter => new(_options);

    private Run NewRun(string request)
    {
        var address = new ChatAddress(ChatPlatform.Slack, "T1", "C0123456789");
        var run = new Run("ws_001", RunSource.Slack, request, address, new ChatUser("U1", "aidan"), Start);
        run.Start(Start);
        return run;
    }

    [Fact]
    public void Success_receipt_matches_the_reference_lines()
    {
        var run = NewRun("summarize last 24h of #customer-feedback");
        run.Charge(120, ["slack:history", "notion:search", "slack:history"]);
        run.Succeed("Summarized last 24h of #customer-feedback", "3 themes, 4 follow-ups owned", "full answer", Start.AddSeconds(23));

        var view = Formatter.Format(run, new ReceiptSettings());

        AssertGolden("success.txt", Render(view));
        Assert.Equal(ReceiptKind.Success, view.Kind);
        Assert.Equal("✓ Summarized last 24h of #customer-feedback — 3 themes, 4 follow-ups owned", view.Title);
        Assert.Equal("120 credits · Slack, Notion · view details ↗", view.DetailsLine);
        Assert.Equal($"https://bot.example.com/runs/{run.Id}", view.Details[^1].Url);
    }

    [Fact]
    public void Denial_receipt_names_the_action_and_who_cancelled_it()
    {
        var run = NewRun("email the customer");
        run.AwaitApproval("Send email to customer@acme.com", Start.AddSeconds(5));
        run.Deny("aidan", Start.AddSeconds(10));

        var view = Formatter.Format(run, new ReceiptSettings());

        AssertGolden("denial.txt", Render(view));
        Assert.Equal(ReceiptKind.Denial, view.Kind);
        Assert.Equal("✕ Denied: Send email to customer@acme.com", view.Title);
        Assert.Equal("Cancelled by @aidan · 0 credits charged · view details ↗", view.DetailsLine);
        Assert.Equal($"https://bot.example.com/runs/{run.Id}", view.Details[^1].Url);
    }

    [Fact]
    public void Failure_receipt_charges_partial_work_and_carries_the_correlation_id()
    {
        var run = NewRun("sync the CRM");
        run.Charge(140, ["hubspot:contacts"]);
        run.Fail("Could not reach HubSpot API (502 after 3 retries)", Start.AddSeconds(40));

        var view = Formatter.Format(run, new ReceiptSettings());

        AssertGolden("failure.txt", Render(view).Replace(run.CorrelationId, "mr_xyz"));
        Assert.Equal(ReceiptKind.Failure, view.Kind);
        Assert.Equal("⚠ Failed: Could not reach HubSpot API (502 after 3 retries)", view.Title);
        Assert.Equal($"140 credits charged · correlation_id {run.CorrelationId} · support@example.com · view details ↗", view.DetailsLine);
        Assert.Equal("mailto:support@example.com", view.Details[2].Url);
        Assert.Equal($"https://bot.example.com/runs/{run.Id}", view.Details[^1].Url);
        Assert.StartsWith("mr_", run.CorrelationId);
    }

    [Fact]
    public void Expired_request_gets_its_own_receipt()
    {
        var run = NewRun("post to the status page");
        run.AwaitApproval("POST https://status.example.com/incidents", Start);
        run.Expire(Start.AddHours(24));

        var view = Formatter.Format(run, new ReceiptSettings());

        Assert.Equal(ReceiptKind.Expired, view.Kind);
        Assert.Equal("✕ Expired: POST https://status.example.com/incidents", view.Title);
        Assert.Equal("No approver decided in time · 0 credits charged · view details ↗", view.DetailsLine);
    }

    [Fact]
    public void A_multi_line_failure_reason_is_collapsed_so_the_receipt_stays_two_lines()
    {
        var run = NewRun("summarize the page");
        run.Fail("The model provider failed: HTTP 500 (server_error: )\n\nupstream exploded (after 3 attempts)", Start.AddSeconds(9));

        var view = Formatter.Format(run, new ReceiptSettings());

        Assert.Equal("⚠ Failed: The model provider failed: HTTP 500 (server_error: ) upstream exploded (after 3 attempts)", view.Title);
        Assert.Equal(2, Render(view).TrimEnd('\n').Split('\n').Length);
        Assert.Equal($"0 credits charged · correlation_id {run.CorrelationId} · support@example.com · view details ↗", view.DetailsLine);
    }

    [Fact]
    public void A_very_long_failure_reason_is_cut_with_an_ellipsis()
    {
        var run = NewRun("x");
        run.Fail(string.Join(' ', Enumerable.Repeat("overloaded", 60)), Start);

        var view = Formatter.Format(run, new ReceiptSettings());

        Assert.True(view.Title.Length <= ReceiptFormatter.MaxTitleLength);
        Assert.EndsWith("overloaded…", view.Title);
    }

    [Theory]
    [InlineData(false, true, true, "Slack · view details ↗")]
    [InlineData(true, false, true, "1 credit · view details ↗")]
    [InlineData(true, true, false, "1 credit · Slack")]
    [InlineData(false, false, false, "")]
    public void Toggles_drop_their_segments(bool credits, bool tools, bool link, string expected)
    {
        var run = NewRun("x");
        run.Charge(1, ["slack:history"]);
        run.Succeed("Did x", "", "out", Start);

        var view = Formatter.Format(run, new ReceiptSettings { IncludeCredits = credits, IncludeTools = tools, IncludeLink = link });

        Assert.Equal(expected, view.DetailsLine);
        Assert.Equal("✓ Did x", view.Title);
    }

    [Fact]
    public void Structured_receipt_carries_the_audit_fields()
    {
        var run = NewRun("summarize last 24h of #customer-feedback");
        run.ModelUsed = "openai/gpt-4o-mini";
        run.Charge(120, ["slack:history"]);
        run.Succeed("Summarized", "3 themes", "out", Start.AddSeconds(23));

        var receipt = Formatter.ToRunReceipt(run, "C0123456789");

        Assert.Equal("run_receipt", receipt.Type);
        Assert.Equal("completed", receipt.Status);
        Assert.Equal("C0123456789", receipt.Channel);
        Assert.Equal(Start, receipt.StartedAt);
        Assert.Equal(Start.AddSeconds(23), receipt.CompletedAt);
        Assert.Equal("3 themes", receipt.Summary);
        Assert.Equal(["slack:history"], receipt.ToolsUsed);
        Assert.Equal($"https://bot.example.com/runs/{run.Id}", receipt.OutputUrl);
        Assert.Equal("openai/gpt-4o-mini", receipt.ModelUsed);
    }

    [Fact]
    public void Structured_receipt_matches_the_reference_event()
    {
        var run = NewRun("summarize last 24h of #customer-feedback");
        run.ModelUsed = "anthropic/claude-haiku-4.5";
        run.Charge(120, ["slack:history", "notion:search"]);
        run.Succeed("Summarized last 24h of #customer-feedback", "3 themes, 4 follow-ups owned", "out", Start.AddSeconds(23));

        var json = JsonSerializer.Serialize(Formatter.ToRunReceipt(run, "C0123456789"), new JsonSerializerOptions { WriteIndented = true });

        AssertGolden("run_receipt.json", json.Replace(run.Id, "run_xyz").Replace(run.CorrelationId, "mr_xyz") + "\n");
    }

    [Fact]
    public void Unfinished_runs_have_no_receipt()
    {
        var run = NewRun("x");
        Assert.Throws<InvalidOperationException>(() => Formatter.Format(run, new ReceiptSettings()));
    }

    private static string Render(ReceiptView view) => $"{view.Title}\n   {view.DetailsLine}\n";

    private static void AssertGolden(string file, string actual) =>
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Receipts", "Golden", file)).ReplaceLineEndings("\n"), actual);
}
