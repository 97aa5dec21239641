using ChatBot.Core.Chat;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Workspaces;

namespace ChatBot.Testing.Receipts;

/// <summary>
/// The reference document's three receipts (success, denial, failure) as the formatter builds them, with fixed
/// run and correlation ids, for each platform's golden rendering. The failure has a multi-line provider error.
/// </summary>
public static class ReferenceReceipts
{
    public const string RunId = "run_xyz";
    public const string CorrelationId = "mr_xyz";
    private static readonly DateTimeOffset Start = new(2026, 5, 26, 15, 42, 0, TimeSpan.Zero);
    private static readonly ReceiptFormatter Formatter =
        new(new ReceiptOptions { PublicBaseUrl = "https://bot.example.com", SupportContact = "support@example.com" });

    public static IReadOnlyDictionary<string, ReceiptView> All => new Dictionary<string, ReceiptView>
    {
        ["success"] = Success(),
        ["denial"] = Denial(),
        ["failure"] = Failure(),
    };

    public static ReceiptView Success()
    {
        var run = NewRun("summarize last 24h of customer feedback");
        run.Charge(120, ["slack:history", "notion:search"]);
        run.Succeed("Summarized last 24h of customer feedback", "3 themes, 4 follow-ups owned", "full answer", Start.AddSeconds(23));
        return Format(run);
    }

    public static ReceiptView Denial()
    {
        var run = NewRun("email the customer");
        run.AwaitApproval("Send email to customer@acme.com", Start.AddSeconds(5));
        run.Deny("aidan", Start.AddSeconds(10));
        return Format(run);
    }

    public static ReceiptView Failure()
    {
        var run = NewRun("sync the CRM");
        run.Charge(140, ["hubspot:contacts"]);
        run.Fail("Could not reach HubSpot API\n\n(502 after 3 retries)", Start.AddSeconds(40));
        return Format(run);
    }

    private static Run NewRun(string request)
    {
        var run = new Run("ws_001", RunSource.Slack, request, new ChatAddress(ChatPlatform.Slack, "T1", "C0123456789"), new ChatUser("U1", "aidan"), Start);
        run.Start(Start);
        return run;
    }

    /// <summary>Random ids replaced by the document's, so the golden files stay stable.</summary>
    private static ReceiptView Format(Run run)
    {
        var view = Formatter.Format(run, new ReceiptSettings());
        string Fix(string text) => text.Replace(run.Id, RunId).Replace(run.CorrelationId, CorrelationId);
        return view with
        {
            RunId = RunId,
            Details = view.Details.Select(d => new ReceiptSegment(Fix(d.Text), d.Url is null ? null : Fix(d.Url))).ToList(),
        };
    }

    public static string Golden(string folder, string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, file)).ReplaceLineEndings("\n");
}
