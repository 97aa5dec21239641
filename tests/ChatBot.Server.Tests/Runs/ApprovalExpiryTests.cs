using ChatBot.Core.Agents;
using ChatBot.Core.Approvals;
using ChatBot.Core.Inbound;
using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Runs;

public sealed class ApprovalExpiryTests
{
    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_undecided_request_expires_the_run_with_a_receipt_and_updates_the_request_message(StorageKind storage)
    {
        await using var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?> { ["Jobs:ApprovalLifetime"] = "00:00:01" });
        app.Agent.Then(new AgentNeedsApproval(new PendingToolCall("call_1", "email:send", "{}", "Send email to customer@acme.com", 5), "[t]", 3, ["email:send"], null));
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("email the customer"));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        Assert.Equal(RunStatus.Expired, (await db.Runs.SingleAsync()).Status);
        var approval = await db.Approvals.SingleAsync();
        Assert.Equal(ApprovalStatus.Expired, approval.Status);
        var receipt = Assert.Single(app.Messenger.Views<ReceiptView>());
        Assert.Equal("✕ Expired: Send email to customer@acme.com", receipt.Title);
        Assert.Equal("No approver decided in time · 3 credits charged · view details ↗", receipt.DetailsLine);
        await app.WaitUntilAsync(_ => Task.FromResult(app.Messenger.Messages.Any(m =>
            m.Kind == "update" && m.MessageId == approval.RequestMessageId && m.View is ApprovalRequestView { Status: ApprovalStatus.Expired })));

        var late = await app.ClickAsync(Inputs.Click(ActionIds.Approve, approval.Id));
        Assert.Contains("expired", ((TextView)late.Reply!).Text);
        Assert.Single(app.Agent.Requests);
    }
}
