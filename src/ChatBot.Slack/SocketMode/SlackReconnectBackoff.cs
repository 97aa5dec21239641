namespace ChatBot.Slack.SocketMode;

/// <summary>Bounded exponential backoff: the first failure waits the initial delay, each further one twice as long, up to the cap.</summary>
internal static class SlackReconnectBackoff
{
    public static TimeSpan Delay(int consecutiveFailures, TimeSpan initial, TimeSpan max)
    {
        if (consecutiveFailures <= 0) return TimeSpan.Zero;
        // 2^20 × any sane initial delay is past any sane cap; the exponent bound keeps the arithmetic finite.
        var factor = Math.Pow(2, Math.Min(consecutiveFailures - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(initial.Ticks * factor, max.Ticks));
        return delay < max ? delay : max;
    }
}
