using ChatBot.Core.Agents;
using ChatBot.Core.Receipts;
using ChatBot.Core.Views;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Runs;

public sealed class ProgressTests
{
    [Fact]
    public async Task A_slow_run_shows_one_status_message_updated_in_place_then_replaced_by_the_answer()
    {
        // Progress shows from the first report, so the test needn't wait out the real 3 s threshold.
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, new Dictionary<string, string?> { ["Jobs:ProgressAfter"] = "00:00:00" });
        app.Agent.Then(async (_, progress) =>
        {
            await progress.ReportAsync(1, "thinking", CancellationToken.None);
            await progress.ReportAsync(2, "reading #customer-feedback", CancellationToken.None);
            return new AgentCompleted("Summarized", "3 themes", "The summary.", 5, ["slack:history"], null);
        });
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("summarize"));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        var messages = app.Messenger.Messages.ToList();
        var status = Assert.Single(messages, m => m.Kind == "post" && m.View is ProgressView);
        Assert.Equal("⏳ Working · step 1 · thinking", status.View.FallbackText);
        var updates = messages.Where(m => m.Kind == "update" && m.MessageId == status.MessageId).Select(m => m.View).ToList();
        Assert.Equal("⏳ Working · step 2 · reading #customer-feedback", updates[0].FallbackText);
        Assert.Equal("The summary.", Assert.IsType<RunResultView>(updates[^1]).Output);
        Assert.Single(messages, m => m.View is ReceiptView);
    }
}
