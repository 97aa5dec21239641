using System.Collections.Concurrent;
using ChatBot.Slack.Configuration;
using Microsoft.Extensions.Options;

namespace ChatBot.Slack.Api;

/// <summary>
/// Spaces this node's posts to one channel <see cref="SlackOptions.PostInterval"/> apart (Slack allows about one
/// message per second per channel), so a burst (many monitor updates, receipts at once) queues here instead of
/// collecting 429s. Each post reserves the next free slot; other channels are not held up. A post whose slot is
/// further off than <see cref="SlackOptions.MaxInlineRetryDelay"/> goes at once instead: waiting holds a worker,
/// and for a long backlog Slack's own 429 and Retry-After (handled by the transport and the job's retries) is
/// the better brake.
/// </summary>
public sealed class SlackChannelPacer(IOptionsMonitor<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Team, string Channel), Slot> _channels = new();

    public Task WaitTurnAsync(string team, string channel, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var interval = settings.PostInterval;
        if (interval <= TimeSpan.Zero) return Task.CompletedTask;
        var slot = _channels.GetOrAdd((team, channel), _ => new Slot());
        var now = time.GetUtcNow();
        DateTimeOffset mine;
        lock (slot)
        {
            mine = slot.Next > now ? slot.Next : now;
            if (mine - now > settings.MaxInlineRetryDelay) return Task.CompletedTask;
            slot.Next = mine + interval;
        }
        var wait = mine - now;
        return wait > TimeSpan.Zero ? Task.Delay(wait, time, ct) : Task.CompletedTask;
    }

    private sealed class Slot
    {
        public DateTimeOffset Next { get; set; }
    }
}
