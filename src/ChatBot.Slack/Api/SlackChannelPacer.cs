using System.Collections.Concurrent;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// Paces this node's posts to one channel as Slack allows: about one message per
/// <see cref="SlackOptions.PostInterval"/>, with short bursts of <see cref="SlackOptions.PostBurst"/> (an answer
/// and its receipt go out together). A token bucket per channel; other channels are never held up. A post whose
/// turn is further off than <see cref="SlackOptions.MaxInlineRetryDelay"/> goes at once instead: waiting holds a
/// worker, and for a long backlog Slack's own 429 and Retry-After (handled by the transport and the job's
/// retries) is the better brake.
/// </summary>
public sealed class SlackChannelPacer(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Team, string Channel), Bucket> _channels = new();

    public Task WaitTurnAsync(string team, string channel, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var interval = settings.PostInterval;
        if (interval <= TimeSpan.Zero) return Task.CompletedTask;
        var burst = Math.Max(1, settings.PostBurst);
        var bucket = _channels.GetOrAdd((team, channel), _ => new Bucket(burst, time.GetUtcNow()));
        var now = time.GetUtcNow();
        TimeSpan wait;
        lock (bucket)
        {
            // Refill for the time since the last post, up to the burst; a negative balance is posts already queued.
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (now - bucket.RefilledAt) / interval);
            bucket.RefilledAt = now;
            wait = bucket.Tokens >= 1 ? TimeSpan.Zero : (1 - bucket.Tokens) * interval;
            if (wait > settings.MaxInlineRetryDelay) return Task.CompletedTask;
            bucket.Tokens -= 1;
        }
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, ct) : Task.CompletedTask;
    }

    private sealed class Bucket(double tokens, DateTimeOffset refilledAt)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset RefilledAt { get; set; } = refilledAt;
    }
}
