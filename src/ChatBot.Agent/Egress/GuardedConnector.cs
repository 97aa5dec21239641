using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace ChatBot.Agent.Egress;

/// <summary>
/// The connect step of every server-side fetch. The address is checked here, after DNS resolution and on the
/// socket actually opened, so a name that resolves to a private address (or re-resolves to one: DNS
/// rebinding) cannot slip past a check made earlier.
/// </summary>
public sealed class GuardedConnector(IOptions<EgressOptions> options)
{
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false, // redirects are followed by SafeFetcher, each hop through this connector again
        AutomaticDecompression = DecompressionMethods.All,
        ConnectCallback = ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        UseCookies = false,
    };

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct);
        var settings = options.Value;
        var privateAllowed = settings.AllowPrivateNetworks || settings.AllowedPrivateHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
        var allowed = privateAllowed ? addresses : addresses.Where(AddressPolicy.IsPublic).ToArray();
        if (allowed.Length == 0)
            throw new EgressDeniedException(addresses.Length == 0
                ? $"{host} does not resolve"
                : $"{host} resolves to a private or reserved address; set Egress__AllowPrivateNetworks=true or list the host in Egress__AllowedPrivateHosts to allow it");

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }
        throw new HttpRequestException($"could not connect to {host}", last);
    }
}
