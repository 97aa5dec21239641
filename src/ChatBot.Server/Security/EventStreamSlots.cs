using System.Collections.Concurrent;

namespace ChatBot.Server.Security;

/// <summary>
/// Server-sent event streams (dashboard, playground) hold a connection and a poller each for as long as a page is
/// open, so they are counted: a few per client address, a few hundred in all.
/// </summary>
public sealed class EventStreamSlots
{
    public const int PerClient = 8;
    public const int Total = 200;

    private readonly ConcurrentDictionary<string, int> _byClient = new();
    private int _total;

    /// <summary>A slot to dispose when the stream ends, or null when the caller or the server is at its cap.</summary>
    public IDisposable? TryAcquire(HttpContext http)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (Interlocked.Increment(ref _total) > Total)
        {
            Interlocked.Decrement(ref _total);
            return null;
        }
        if (_byClient.AddOrUpdate(client, 1, (_, n) => n + 1) > PerClient)
        {
            Release(client);
            return null;
        }
        return new Slot(this, client);
    }

    public static Task RefuseAsync(HttpContext http) =>
        Errors.ApiErrors.WriteAsync(http, 429, "TOO_MANY_STREAMS", $"At most {PerClient} open event streams per client and {Total} in all; close a tab and retry.");

    private void Release(string client)
    {
        _byClient.AddOrUpdate(client, 0, (_, n) => n - 1);
        _byClient.TryRemove(KeyValuePair.Create(client, 0));
        Interlocked.Decrement(ref _total);
    }

    private sealed class Slot(EventStreamSlots owner, string client) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(client);
        }
    }
}
