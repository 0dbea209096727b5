using System.Globalization;
using System.Net;

namespace ObservabilityStack.Gateway.Auth;

/// <summary>A CIDR range (<c>10.0.0.0/8</c>, <c>::1/128</c>, or a single address).</summary>
internal readonly record struct IpNetwork(IPAddress Prefix, int Bits)
{
    public static IpNetwork Parse(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(slash < 0 ? cidr : cidr[..slash]);
        var bits = slash < 0 ? address.GetAddressBytes().Length * 8 : int.Parse(cidr[(slash + 1)..], CultureInfo.InvariantCulture);
        return new IpNetwork(address, bits);
    }

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6 && Prefix.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }

        var a = address.GetAddressBytes();
        var p = Prefix.GetAddressBytes();
        if (a.Length != p.Length)
        {
            return false;
        }

        var bits = Bits;
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (p[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}
