namespace ChatBot.Server.Hosting;

/// <summary>When this process started, on the injected clock.</summary>
public sealed class ProcessUptime(TimeProvider time)
{
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    public DateTimeOffset StartedAt => _startedAt;

    public long Seconds => (long)(time.GetUtcNow() - _startedAt).TotalSeconds;
}
