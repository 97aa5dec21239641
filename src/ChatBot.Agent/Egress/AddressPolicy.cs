using System.Net;
using System.Net.Sockets;

namespace ChatBot.Agent.Egress;

/// <summary>
/// Which IP addresses a server-side fetch may connect to. Public unicast only, unless private networks are
/// allowed: loopback, RFC 1918, link-local (which holds cloud metadata at 169.254.169.254), CGNAT, unique-local,
/// multicast and unspecified addresses are refused, and IPv4-mapped / NAT64-embedded IPv6 is judged by its IPv4.
/// </summary>
public static class AddressPolicy
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0 ||                                   // "this network"
        b[0] == 10 ||                                  // private
        b[0] == 127 ||                                 // loopback
        (b[0] == 100 && b[1] >= 64 && b[1] <= 127) ||  // CGNAT 100.64/10
        (b[0] == 169 && b[1] == 254) ||                // link-local, cloud metadata
        (b[0] == 172 && b[1] >= 16 && b[1] <= 31) ||   // private
        (b[0] == 192 && b[1] == 0 && b[2] == 0) ||     // IETF protocol assignments
        (b[0] == 192 && b[1] == 0 && b[2] == 2) ||     // TEST-NET-1
        (b[0] == 192 && b[1] == 168) ||                // private
        (b[0] == 198 && (b[1] == 18 || b[1] == 19)) || // benchmarking
        (b[0] == 198 && b[1] == 51 && b[2] == 100) ||  // TEST-NET-2
        (b[0] == 203 && b[1] == 0 && b[2] == 113) ||   // TEST-NET-3
        b[0] >= 224);                                  // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address) || IPAddress.IPv6Any.Equals(address)) return false;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
        var b = address.GetAddressBytes();
        if ((b[0] & 0xFE) == 0xFC) return false; // unique local fc00::/7
        // NAT64 64:ff9b::/96 and 6to4 2002::/16 carry an IPv4 address that decides.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return IsPublicV4(b[12..16]);
        if (b[0] == 0x20 && b[1] == 0x02) return IsPublicV4(b[2..6]);
        // IPv4-compatible ::a.b.c.d (deprecated, still parsed by some stacks).
        if (b[..12].All(x => x == 0)) return false;
        return true;
    }
}
