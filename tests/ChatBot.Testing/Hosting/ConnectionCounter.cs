using System.Net;
using System.Net.Sockets;

namespace ChatBot.Testing.Hosting;

/// <summary>
/// A loopback port that only counts the TCP connections made to it (and closes each at once): shows that nothing
/// reached an address at all, whatever the protocol a client would have spoken there.
/// </summary>
public sealed class ConnectionCounter : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _accepted;

    private ConnectionCounter()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public static ConnectionCounter Start() => new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var socket = await _listener.AcceptSocketAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
            // The listener was stopped.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
