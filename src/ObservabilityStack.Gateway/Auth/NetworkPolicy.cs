using System.Net;
using Microsoft.AspNetCore.Http;

namespace ObservabilityStack.Gateway.Auth;

/// <summary>
/// Decides the client address (believing <c>X-Forwarded-For</c> only from configured proxies) and
/// whether it is inside the trusted networks. Rebuilt when the configuration changes.
/// </summary>
internal sealed class NetworkPolicy
{
    private readonly IpNetwork[] _trusted;
    private readonly IpNetwork[] _proxies;

    public NetworkPolicy(IEnumerable<string> trusted, IEnumerable<string> proxies)
    {
        _trusted = [.. trusted.Select(IpNetwork.Parse)];
        _proxies = [.. proxies.Select(IpNetwork.Parse)];
    }

    /// <summary>The client's address: the connection's, or the nearest untrusted hop in X-Forwarded-For behind trusted proxies.</summary>
    public IPAddress ClientAddress(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (!IsProxy(address))
        {
            return address;
        }

        var hops = context.Request.Headers["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = hops.Length - 1; i >= 0; i--)
        {
            if (!IPAddress.TryParse(hops[i], out var hop))
            {
                return address;
            }

            address = hop;
            if (!IsProxy(hop))
            {
                break;
            }
        }

        return address;
    }

    /// <summary>True when trusted networks are not configured or contain <paramref name="address"/>.</summary>
    public bool IsTrusted(IPAddress address) => _trusted.Length == 0 || Array.Exists(_trusted, n => n.Contains(address));

    private bool IsProxy(IPAddress address) => Array.Exists(_proxies, n => n.Contains(address));
}
