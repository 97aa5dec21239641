using Hangfire.Server;

namespace ChatBot.Jobs.Scheduling;

/// <summary>
/// Delivery jobs (chat messages, receipts, webhooks) are retried by Hangfire with backoff; the job itself decides
/// when an attempt is the last one, from <c>Jobs__DeliveryMaxAttempts</c> (capped by <see cref="MaxRetries"/>).
/// </summary>
public static class DeliveryAttempts
{
    public const int MaxRetries = 10;

    public static bool IsLast(PerformContext context, JobsOptions options)
    {
        var attempt = context.GetJobParameter<int>("RetryCount", allowStale: true) + 1;
        return attempt >= Math.Min(options.DeliveryMaxAttempts, MaxRetries + 1);
    }
}
