using System.Net;
using System.Net.Sockets;

namespace OrleansCalendar.Server.Events;

/// <summary>
/// Which addresses webhooks may be sent to: public unicast only. Refused: unspecified, loopback, private (RFC 1918),
/// CGNAT (100.64/10), link-local (which holds cloud metadata at 169.254.169.254), multicast, broadcast and the other
/// reserved IPv4 blocks; IPv6 loopback, unspecified, unique-local (fc00::/7, with AWS metadata at fd00:ec2::254),
/// link- and site-local, multicast, documentation; and IPv4 hidden in IPv6 (mapped, compatible, NAT64, 6to4) is judged as IPv4.
/// </summary>
public static class TargetAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublicV4(address.MapToIPv4());
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return !(b[0] == 0                                   // "this network", 0.0.0.0
            || b[0] == 10                                    // private
            || b[0] == 127                                   // loopback
            || (b[0] == 100 && (b[1] & 0xC0) == 64)          // CGNAT 100.64.0.0/10
            || (b[0] == 169 && b[1] == 254)                  // link-local, cloud metadata
            || (b[0] == 172 && (b[1] & 0xF0) == 16)          // private 172.16.0.0/12
            || (b[0] == 192 && b[1] == 0 && b[2] == 0)       // IETF protocol assignments
            || (b[0] == 192 && b[1] == 0 && b[2] == 2)       // documentation
            || (b[0] == 192 && b[1] == 88 && b[2] == 99)     // 6to4 relay anycast
            || (b[0] == 192 && b[1] == 168)                  // private
            || (b[0] == 198 && (b[1] & 0xFE) == 18)          // benchmarking 198.18.0.0/15
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)    // documentation
            || (b[0] == 203 && b[1] == 0 && b[2] == 113)     // documentation
            || b[0] >= 224);                                 // multicast, reserved, broadcast
    }

    private static bool IsPublicV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Loopback) || address.Equals(IPAddress.IPv6Any)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var b = address.GetAddressBytes();

        // IPv4-compatible ::a.b.c.d (deprecated) and NAT64 64:ff9b::/96 reach an IPv4 address: judge that one.
        if (b.Take(12).All(x => x == 0) || (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.Skip(4).Take(8).All(x => x == 0)))
        {
            return IsPublicV4(new IPAddress(b[12..]));
        }

        // 6to4 2002::/16 embeds an IPv4 address in bytes 2–5.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(new IPAddress(b[2..6]));
        }

        // Documentation 2001:db8::/32, discard-only 100::/64.
        return !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8)
            && !(b[0] == 0x01 && b[1] == 0x00 && b.Skip(2).Take(6).All(x => x == 0));
    }
}
