using System.Security.Cryptography;
using System.Text;
using ObservabilityStack.Gateway.Auth;

namespace ObservabilityStack.Gateway.Tickets;

/// <summary>
/// Upload tokens: <c>obt_</c> + 32 random bytes (256 bits) in base64url. Only the SHA-256 is stored; with
/// that much entropy a salt adds nothing, and the unsalted hash lets the gateway find the ticket in one look-up.
/// </summary>
internal static class TicketTokens
{
    public const string Prefix = "obt_";

    public static string New() => Prefix + ApiKeys.Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The token of <c>Authorization: Ticket obt_…</c> (also <c>Bearer</c>), or null.</summary>
    public static string? From(string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var scheme = authorization.AsSpan(0, space);
        var value = authorization[(space + 1)..].Trim();
        var known = scheme.Equals("Ticket", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);
        return known && value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length < 100 ? value : null;
    }
}
