using System.Net.Http.Json;
using ChatBot.Core.Agents;
using ChatBot.Core.Commands;
using ChatBot.Core.Receipts;
using ChatBot.Core.Views;
using ChatBot.Core.Workspaces;
using ChatBot.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChatBot.Server.Tests.Receipts;

/// <summary>/receipts in chat sets the default channel and toggles; runs without a channel post their receipt there.</summary>
public sealed class DefaultReceiptChannelTests
{
    [Fact]
    public async Task An_api_run_without_a_channel_posts_its_receipt_in_the_default_channel_with_the_toggles_applied()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent.Then(new AgentCompleted("Checked the status page", "all systems normal", "out", 7, ["web:fetch"], null));
        _ = app.CreateClient();

        var set = await app.SendAsync(Inputs.Command(new ReceiptsCommand(ReceiptsAction.SetChannelHere)));
        await app.SendAsync(Inputs.Command(new ReceiptsCommand(ReceiptsAction.ToggleCredits, Enabled: false)));
        var shown = await app.SendAsync(Inputs.Command(new ReceiptsCommand(ReceiptsAction.Show)));
        Assert.Contains(ChannelMention.Of(Inputs.Channel.ChannelId, "this channel"), ((TextView)set.Reply!).Text);
        Assert.Contains("credits: off", ((TextView)shown.Reply!).Text);

        using var client = app.CreateClient(await app.IssueTokenAsync(Workspace.PlaygroundId, TokenScopes.Trigger));
        var triggered = await client.PostAsJsonAsync($"/api/workspace/{Workspace.PlaygroundId}/trigger", new { task = "check the status page" });
        triggered.EnsureSuccessStatusCode();

        await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.Delivered));
        var posted = Assert.Single(app.Messenger.Messages, m => m.View is ReceiptView);
        Assert.Equal(Inputs.Channel.ChannelId, posted.To.ChannelId);
        var receipt = (ReceiptView)posted.View;
        Assert.Equal("✓ Checked the status page — all systems normal", receipt.Title);
        Assert.Equal("Web · view details ↗", receipt.DetailsLine);
    }

    [Fact]
    public async Task Without_any_channel_the_receipt_is_kept_for_the_audit_log_only()
    {
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite);
        app.Agent.Then(new AgentCompleted("Done", "", "out", 1, [], null));
        using var client = app.CreateClient(await app.IssueTokenAsync("T0PULLONLY", TokenScopes.Trigger));

        (await client.PostAsJsonAsync("/api/workspace/T0PULLONLY/trigger", new { task = "pull only" })).EnsureSuccessStatusCode();

        var receipt = await app.WaitForAsync(db => db.Receipts.SingleOrDefaultAsync(r => r.Status == ReceiptDeliveryStatus.NotPosted));
        Assert.Null(receipt.Destination);
        Assert.DoesNotContain(app.Messenger.Messages, m => m.View is ReceiptView);
    }
}
