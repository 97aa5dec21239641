using System.Threading.Channels;

namespace ChatBot.Server.Playground;

/// <summary>
/// Tells open playground pages that a channel changed, so they re-read it. In-process: a page follows the node
/// it is connected to, and that node reads the shared database.
/// </summary>
public sealed class PlaygroundChangeFeed
{
    private readonly List<Channel<string>> _subscribers = [];
    private readonly Lock _gate = new();

    public void Publish(string channelId)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers) subscriber.Writer.TryWrite(channelId);
        }
    }

    public async IAsyncEnumerable<string> SubscribeAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _subscribers.Add(channel);
        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(ct)) yield return change;
        }
        finally
        {
            lock (_gate) _subscribers.Remove(channel);
        }
    }
}
