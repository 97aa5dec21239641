using ChatBot.Core.Receipts;
using ChatBot.Core.Runs;
using ChatBot.Core.Views;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Testing.Models;
using ChatBot.Testing.Web;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Agent;

/// <summary>
/// Runs through the whole server with the real agent engine, configured as CONFIG.md says, against a local
/// OpenAI-compatible model and a local web server: mention in, tool calls, receipt out.
/// </summary>
public sealed class RealAgentRunTests : IAsyncLifetime
{
    private ModelDouble _model = null!;
    private WebDouble _web = null!;

    public async Task InitializeAsync()
    {
        _model = await ModelDouble.StartAsync();
        _web = await WebDouble.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        await _web.DisposeAsync();
    }

    private Dictionary<string, string?> ModelSettings() => new()
    {
        ["Agent:Provider"] = "openai",
        ["Agent:Model"] = "double-model",
        ["Agent:OpenAI:Endpoint"] = _model.OpenAIEndpoint,
        ["Agent:OpenAI:ApiKey"] = "sk-test",
        ["Egress:AllowPrivateNetworks"] = "true",
        ["Email:SmtpHost"] = "127.0.0.1",
    };

    [Fact]
    public async Task A_mention_whose_model_fetches_a_page_then_answers_posts_the_answer_and_a_success_receipt_with_web()
    {
        _web.Serve("/feedback", "<html><body><p>Checkout is slow.</p><p>Search is great.</p></body></html>");
        _model.Then(ScriptedModelReply.Call("web_fetch", $$"""{"url":"{{_web.Url("/feedback")}}"}"""))
            .Then(ScriptedModelReply.Answer("HEADLINE: Summarized the feedback page\nOUTCOME: 2 themes\n\n- Checkout is slow\n- Search is great"));
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, ModelSettings(), replaceAgent: false);
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("summarize the feedback page"));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal("openai/double-model", run.ModelUsed);
        Assert.Equal(["web:fetch"], run.ToolsUsed);
        Assert.Equal("- Checkout is slow\n- Search is great", Assert.Single(app.Messenger.Views<RunResultView>()).Output);
        var receipt = Assert.Single(app.Messenger.Views<ReceiptView>());
        Assert.Equal("✓ Summarized the feedback page — 2 themes", receipt.Title);
        Assert.StartsWith($"{run.CreditsUsed} credits · Web · view details ↗", receipt.DetailsLine);
    }

    [Fact]
    public async Task An_email_the_model_wants_to_send_becomes_an_approval_request_in_the_channel()
    {
        _model.Then(ScriptedModelReply.Call("email_send", """{"to":"ops@example.com","subject":"Weekly summary","body":"All quiet."}"""));
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, ModelSettings(), replaceAgent: false);
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("email ops@example.com the weekly summary"));

        var run = await app.WaitForAsync(db => db.Runs.SingleOrDefaultAsync(r => r.Status == RunStatus.AwaitingApproval));
        await app.WaitUntilAsync(async db => await db.Approvals.AnyAsync(a => a.RequestMessageId != null));
        var request = Assert.Single(app.Messenger.Views<ApprovalRequestView>());
        Assert.Equal("Send email to ops@example.com: “Weekly summary”", request.ActionText);
        Assert.Equal("alice", request.RequestedBy);
        Assert.Equal(["To: ops@example.com", "Subject: Weekly summary", "Body: All quiet."], request.Fields.Select(f => $"{f.Label}: {f.Value}"));
        Assert.NotNull(run.Transcript);
        Assert.Empty(app.Messenger.Views<ReceiptView>());
    }

    [Fact]
    public async Task With_no_model_provider_a_run_fails_at_once_with_a_receipt_that_says_how_to_configure_one()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, replaceAgent: false);
        _ = app.CreateClient();

        await app.SendAsync(Inputs.Task("summarize the feedback page"));

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        await using var db = app.CreateDbContext();
        var run = await db.Runs.SingleAsync();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, run.Attempt);
        var receipt = Assert.Single(app.Messenger.Views<ReceiptView>());
        Assert.StartsWith("⚠ Failed: No model provider is configured. Set `Agent__Provider`", receipt.Title);
        Assert.StartsWith("0 credits charged", receipt.DetailsLine);
    }
}
