using System.Text;
using Microsoft.AspNetCore.Http;

namespace ObservabilityStack.Gateway.Auth;

/// <summary>
/// Extracts the API key from a request: <c>ApiKey obs_…</c>, Elasticsearch's <c>ApiKey base64(id:key)</c>,
/// <c>Basic</c> with the key as password (user name ignored), <c>Bearer</c>, or for browsers the
/// <c>api_key</c> query parameter (beacons cannot set headers).
/// </summary>
internal static class Credentials
{
    public static string? KeyFrom(HttpRequest request, bool allowQuery)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return allowQuery && request.Query.TryGetValue("api_key", out var q) ? q.ToString() : null;
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var scheme = header[..space];
        var value = header[(space + 1)..].Trim();
        if (scheme.Equals("ApiKey", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return value.StartsWith("obs_", StringComparison.Ordinal) ? value : FromPair(Decode(value), idFirst: true);
        }

        return scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) ? FromPair(Decode(value), idFirst: false) : null;
    }

    // "id:key" (ES ApiKey) or "user:key" (Basic); a bare secret after an id is completed to obs_{id}_{secret}.
    private static string? FromPair(string? pair, bool idFirst)
    {
        if (pair is null)
        {
            return null;
        }

        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return pair.StartsWith("obs_", StringComparison.Ordinal) ? pair : null;
        }

        var first = pair[..colon];
        var second = pair[(colon + 1)..];
        if (second.StartsWith("obs_", StringComparison.Ordinal))
        {
            return second;
        }

        return idFirst || first.Length > 0 ? $"obs_{first}_{second}" : null;
    }

    private static string? Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
