using System.Net;
using System.Net.Sockets;

namespace ChatBot.Testing.Hosting;

/// <summary>A loopback port free right now, for a process that must be told its port before it starts.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
