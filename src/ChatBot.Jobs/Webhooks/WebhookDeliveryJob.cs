using System.Diagnostics;
using System.Text;
using ChatBot.Agent.Egress;
using ChatBot.Core.Webhooks;
using ChatBot.Jobs.Scheduling;
using ChatBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Options;

namespace ChatBot.Jobs.Webhooks;

/// <summary>
/// POSTs one webhook, signed per Standard Webhooks. Any 2xx delivers it; anything else is retried with
/// backoff by the trigger's retry policy, and every attempt lands in the delivery log. A redirect is not followed
/// (the client never does) and is logged as the egress policy's refusal.
/// </summary>
[AutomaticRetry(Attempts = DeliveryAttempts.MaxRetries, DelaysInSeconds = [2, 4, 8, 16, 32, 60, 120, 300, 300, 300])]
public sealed class WebhookDeliveryJob(ChatBotDbContext db, IHttpClientFactory httpClients, IOptions<JobsOptions> options, TimeProvider time)
{
    public const string HttpClientName = "webhooks";

    public async Task ExecuteAsync(string deliveryId, PerformContext context, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Status != WebhookDeliveryStatus.Pending) return;
        var secret = await db.Workspaces.Where(w => w.Id == delivery.WorkspaceId).Select(w => w.WebhookSecret).SingleAsync(ct);

        var sentAt = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
        {
            Content = new StringContent(delivery.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(StandardWebhookSignature.IdHeader, delivery.Id);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, sentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, StandardWebhookSignature.Sign(secret, delivery.Id, sentAt, delivery.PayloadJson));

        var clock = Stopwatch.StartNew();
        int? statusCode = null;
        string? error = null;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
            statusCode = (int)response.StatusCode;
            if ((int)response.StatusCode is >= 300 and < 400) error = EgressPolicy.RedirectRefusal(statusCode.Value, response.Headers.Location);
            else if (!response.IsSuccessStatusCode) error = $"HTTP {statusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            error = EgressPolicy.RefusalIn(ex) ?? ex.Message;
        }

        var delivered = error is null;
        var final = !delivered && DeliveryAttempts.IsLast(context, options.Value);
        delivery.RecordAttempt(new WebhookAttempt(sentAt, statusCode, error, clock.ElapsedMilliseconds), delivered, final);
        await db.SaveChangesAsync(CancellationToken.None);
        if (!delivered && !final) throw new DeliveryFailedException($"Webhook {delivery.Id} attempt failed: {error}");
    }
}
