using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ObservabilityStack.Gateway.Auth;

/// <summary>
/// Creates, lists and revokes API keys in a keys file (used by <c>obs keys</c>). A key looks like
/// <c>obs_{id}_{secret}</c>, 256 random bits of secret; only SHA-256(salt + key) is stored.
/// </summary>
public static class ApiKeys
{
    /// <summary>Creates a key, stores its hash and returns the record and the key (shown once).</summary>
    public static (ApiKeyRecord Record, string Key) Create(string keysFile, string service, IReadOnlyList<string> environments,
        bool browser, IReadOnlyList<string> origins, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (environments.Count == 0)
        {
            throw new ArgumentException("At least one environment is required.", nameof(environments));
        }

        return Store(keysFile, new ApiKeyRecord
        {
            Service = service,
            Environments = [.. environments],
            Browser = browser,
            Origins = [.. origins],
            Created = now,
        });
    }

    /// <summary>Creates a staff key for the admin endpoints (tickets); stored hashed like every key, shown once.</summary>
    public static (ApiKeyRecord Record, string Key) CreateAdmin(string keysFile, DateTimeOffset now) =>
        Store(keysFile, new ApiKeyRecord { Service = "admin", Admin = true, Created = now });

    private static (ApiKeyRecord Record, string Key) Store(string keysFile, ApiKeyRecord record)
    {
        record.Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var key = $"obs_{record.Id}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var salt = RandomNumberGenerator.GetBytes(16);
        record.Salt = Convert.ToBase64String(salt);
        record.Hash = Convert.ToBase64String(HashKey(salt, key));
        var file = Load(keysFile);
        file.Keys.Add(record);
        Save(keysFile, file);
        return (record, key);
    }

    /// <summary>Marks a key revoked; false when no such key exists.</summary>
    public static bool Revoke(string keysFile, string id, DateTimeOffset now)
    {
        var file = Load(keysFile);
        var record = file.Keys.Find(k => k.Id == id);
        if (record is null)
        {
            return false;
        }

        record.Revoked ??= now;
        Save(keysFile, file);
        return true;
    }

    /// <summary>Reads the keys file; an absent file has no keys.</summary>
    public static ApiKeyFile Load(string keysFile)
    {
        if (!File.Exists(keysFile))
        {
            return new ApiKeyFile();
        }

        using var stream = new FileStream(keysFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return JsonSerializer.Deserialize(stream, ApiKeyJsonContext.Default.ApiKeyFile) ?? new ApiKeyFile();
    }

    /// <summary>Writes the keys file atomically (temp file and rename), readable by its owner only.</summary>
    public static void Save(string keysFile, ApiKeyFile file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(keysFile))!;
        Directory.CreateDirectory(directory);
        var tmp = keysFile + ".tmp";
        File.WriteAllBytes(tmp, JsonSerializer.SerializeToUtf8Bytes(file, ApiKeyJsonContext.Default.ApiKeyFile));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(tmp, keysFile, overwrite: true);
    }

    /// <summary>Does <paramref name="key"/> match <paramref name="record"/>'s hash (constant time)?</summary>
    public static bool Matches(ApiKeyRecord record, string key)
    {
        Span<byte> salt = stackalloc byte[64];
        Span<byte> expected = stackalloc byte[32];
        if (!Convert.TryFromBase64String(record.Salt, salt, out var saltLength) ||
            !Convert.TryFromBase64String(record.Hash, expected, out var hashLength) || hashLength != 32)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(HashKey(salt[..saltLength], key), expected);
    }

    /// <summary>The id part of a key (<c>obs_{id}_{secret}</c>), or null when it is not shaped like one.</summary>
    public static string? IdOf(string key)
    {
        if (!key.StartsWith("obs_", StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf('_', 4);
        return end > 4 ? key[4..end] : null;
    }

    private static byte[] HashKey(ReadOnlySpan<byte> salt, string key)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var input = new byte[salt.Length + keyBytes.Length];
        salt.CopyTo(input);
        keyBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }

    /// <summary>Base64url without padding (URL- and header-safe).</summary>
    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
