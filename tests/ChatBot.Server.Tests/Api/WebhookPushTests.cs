using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatBot.Core.Agents;
using ChatBot.Core.Webhooks;
using ChatBot.Core.Workspaces;
using ChatBot.Jobs.Webhooks;
using ChatBot.Server.Tests.Infrastructure;
using ChatBot.Testing.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBot.Server.Tests.Api;

/// <summary>Push results: a finished run POSTs to an allowlisted HTTPS webhook, signed, retried, logged, redeliverable.</summary>
public sealed class WebhookPushTests
{
    private const string Workspace = "T0HOOKS";

    public static TheoryData<StorageKind> Stores => [StorageKind.Sqlite, StorageKind.Postgres];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_finished_run_is_pushed_signed_after_retries_and_every_attempt_is_logged(StorageKind storage)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 2;
        await using var app = await ChatBotAppFactory.CreateAsync(storage, new Dictionary<string, string?> { ["Jobs:DeliveryMaxAttempts"] = "4", ["Egress:AllowedPrivateHosts:0"] = "127.0.0.1" });
        app.ConfigureServices = services => services.AddHttpClient(WebhookDeliveryJob.HttpClientName).ConfigurePrimaryHttpMessageHandler(receiver.CreateTrustingHandler);
        app.Agent.Then(new AgentCompleted("Checked the deploy", "all green", "Deploy 7 is healthy.", 9, ["http:request"], "test/model"));
        var admin = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Admin, TokenScopes.Trigger));
        var hookUrl = new Uri(receiver.BaseUrl, "/hooks/runs").AbsoluteUri;
        var patched = await admin.PatchAsJsonAsync($"/api/workspace/{Workspace}/admin/settings",
            new { webhook_allowlist = new[] { new Uri(receiver.BaseUrl, "/hooks/").AbsoluteUri } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var secret = (await (await admin.PostAsync($"/api/workspace/{Workspace}/admin/webhook-secret/rotate", null)).JsonAsync()).GetProperty("secret").GetString()!;
        Assert.StartsWith("whsec_", secret);

        var triggered = await admin.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new
        {
            task = "check the deploy",
            responseDestination = new { webhookUrl = hookUrl },
            metadata = new { subscribe_receipts = true },
        });
        Assert.Equal(HttpStatusCode.Accepted, triggered.StatusCode);
        var runId = (await triggered.JsonAsync()).GetProperty("run_id").GetString();

        var delivery = await app.WaitForAsync(db => db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Status == WebhookDeliveryStatus.Delivered));
        Assert.Equal(3, delivery.Attempts.Count);
        Assert.Equal([500, 500, 200], delivery.Attempts.Select(a => a.StatusCode));
        Assert.Equal(3, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        var received = receiver.Received.Last();
        Assert.Equal(delivery.Id, received.Id);
        Assert.True(StandardWebhookSignature.Verify(secret, received.Id, DateTimeOffset.FromUnixTimeSeconds(long.Parse(received.Timestamp)), received.Body, received.Signature));
        var payload = JsonDocument.Parse(received.Body).RootElement;
        Assert.Equal(runId, payload.GetProperty("run_id").GetString());
        Assert.Equal("completed", payload.GetProperty("status").GetString());
        Assert.Equal("check the deploy", payload.GetProperty("query").GetString());
        Assert.Equal("Deploy 7 is healthy.", payload.GetProperty("response").GetString());
        Assert.EndsWith($"/runs/{runId}", payload.GetProperty("output_url").GetString());
        Assert.Equal(9, payload.GetProperty("run_receipt").GetProperty("credits_used").GetInt32());

        var log = await (await admin.GetAsync($"/api/workspace/{Workspace}/admin/webhook-deliveries?run_id={runId}")).JsonAsync();
        var entry = Assert.Single(log.GetProperty("data").EnumerateArray());
        Assert.Equal(3, entry.GetProperty("attempts").GetArrayLength());

        var redelivered = await admin.PostAsync($"/api/workspace/{Workspace}/admin/webhook-deliveries/{delivery.Id}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redelivered.StatusCode);
        await app.WaitUntilAsync(async db => (await db.WebhookDeliveries.SingleAsync()).Attempts.Count == 4);
        Assert.Equal(4, receiver.Received.Count);
        Assert.Equal(delivery.Id, receiver.Received.Last().Id);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_2xx_ends_failed_after_the_bounded_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = int.MaxValue;
        await using var app = await ChatBotAppFactory.CreateAsync(StorageKind.Sqlite, new Dictionary<string, string?> { ["Jobs:DeliveryMaxAttempts"] = "2", ["Egress:AllowedPrivateHosts:0"] = "127.0.0.1" });
        app.ConfigureServices = services => services.AddHttpClient(WebhookDeliveryJob.HttpClientName).ConfigurePrimaryHttpMessageHandler(receiver.CreateTrustingHandler);
        app.Agent.Then(new AgentCompleted("Done", "", "out", 1, [], null));
        var admin = app.CreateClient(await app.IssueTokenAsync(Workspace, TokenScopes.Admin, TokenScopes.Trigger));
        await admin.PatchAsJsonAsync($"/api/workspace/{Workspace}/admin/settings", new { webhook_allowlist = new[] { new Uri(receiver.BaseUrl, "/hooks/").AbsoluteUri } });

        await admin.PostAsJsonAsync($"/api/workspace/{Workspace}/trigger", new { task = "x", responseDestination = new { webhookUrl = new Uri(receiver.BaseUrl, "/hooks/x").AbsoluteUri } });

        var failed = await app.WaitForAsync(db => db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Status == WebhookDeliveryStatus.Failed));
        Assert.Equal(2, failed.Attempts.Count);
        Assert.All(failed.Attempts, a => Assert.Equal("HTTP 500", a.Error));
    }
}
