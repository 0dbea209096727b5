using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Turns the <c>Authorization</c> header into a <see cref="Principal"/>: <c>Basic</c> for users (the reserved
/// <c>elastic</c> and native users) and <c>ApiKey base64(id:key)</c> for API keys. Anything else is a 401.
/// </summary>
internal sealed class Authenticator(SecurityStore store, TimeProvider clock)
{
    public Principal Authenticate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw SecurityErrors.MissingCredentials(http);
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        var value = space < 0 ? string.Empty : header[(space + 1)..].Trim();
        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return Basic(http, value);
        }

        if (scheme.Equals("ApiKey", StringComparison.OrdinalIgnoreCase))
        {
            return ApiKey(value);
        }

        throw SecurityErrors.BadCredentials($"{scheme}: unsupported authentication scheme");
    }

    private Principal Basic(HttpContext http, string value)
    {
        var decoded = Decode(value);
        var colon = decoded?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (decoded is null || colon < 0)
        {
            throw SecurityErrors.MissingCredentials(http);
        }

        var username = decoded[..colon];
        var user = store.FindUser(username);
        if (user is null || !user.Enabled || !SecretHasher.Verify(user.PasswordHash, decoded[(colon + 1)..]))
        {
            throw SecurityErrors.BadUser(http, username);
        }

        return new Principal
        {
            Username = user.Username,
            RoleNames = user.Roles,
            RealmName = user.Reserved ? "reserved" : "default_native",
            RealmType = user.Reserved ? "reserved" : "native",
            User = user,
            Granted = Resolve(user.Roles),
        };
    }

    private Principal ApiKey(string value)
    {
        var decoded = Decode(value);
        var colon = decoded?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (decoded is null || colon <= 0)
        {
            throw SecurityErrors.BadCredentials("API key: invalid ApiKey value");
        }

        var id = decoded[..colon];
        var key = store.FindKey(id);
        if (key is null)
        {
            throw SecurityErrors.BadCredentials($"API key: unable to find apikey with id {id}");
        }

        if (!SecretHasher.Verify(key.Hash, decoded[(colon + 1)..]))
        {
            throw SecurityErrors.BadCredentials($"API key: invalid credentials for API key [{id}]");
        }

        if (key.Invalidated)
        {
            throw SecurityErrors.BadCredentials($"API key: api key [{id}] has been invalidated");
        }

        if (key.IsExpired(clock.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            throw SecurityErrors.BadCredentials($"API key: api key is expired");
        }

        var limitedBy = Parse(key.LimitedBy);
        var own = Parse(key.RoleDescriptors);
        return new Principal
        {
            Username = key.Username,
            RoleNames = [],
            RealmName = "_es_api_key",
            RealmType = "_es_api_key",
            ApiKey = key,
            Granted = own.Count == 0 ? limitedBy : own,
            LimitedBy = own.Count == 0 ? null : limitedBy,
        };
    }

    /// <summary>The descriptors of named roles; unknown names grant nothing, as in Elasticsearch.</summary>
    public IReadOnlyList<RoleDescriptor> Resolve(IEnumerable<string> roles) =>
        roles.Select(store.FindRole).OfType<RoleDescriptor>().ToList();

    private static List<RoleDescriptor> Parse(JsonObject descriptors) =>
        descriptors.Select(d => RoleDescriptor.Parse(d.Key, (JsonObject)d.Value!)).ToList();

    private static string? Decode(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
