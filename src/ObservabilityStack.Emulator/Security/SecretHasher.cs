using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ObservabilityStack.Emulator.Security;

/// <summary>
/// Hashes secrets so only hashes are kept: API keys with salted SHA-256 (they are long random strings, as
/// Elasticsearch's <c>ssha256</c>), user passwords with PBKDF2. A verified password is remembered by its
/// SHA-256 so basic auth does not pay PBKDF2 on every request.
/// </summary>
internal static class SecretHasher
{
    private const int Iterations = 10_000;
    private static readonly ConcurrentDictionary<string, byte[]> VerifiedPasswords = new(StringComparer.Ordinal);

    public static string HashKey(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"ssha256${Convert.ToBase64String(salt)}${Convert.ToBase64String(KeyDigest(salt, secret))}";
    }

    public static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string stored, string secret)
    {
        var parts = stored.Split('$');
        if (parts is ["ssha256", var salt, var digest])
        {
            return CryptographicOperations.FixedTimeEquals(KeyDigest(Convert.FromBase64String(salt), secret), Convert.FromBase64String(digest));
        }

        if (parts is not ["pbkdf2", var iterations, var passwordSalt, var passwordHash])
        {
            return false;
        }

        var quick = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (VerifiedPasswords.TryGetValue(stored, out var known) && CryptographicOperations.FixedTimeEquals(known, quick))
        {
            return true;
        }

        var expected = Convert.FromBase64String(passwordHash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(secret, Convert.FromBase64String(passwordSalt),
            int.Parse(iterations, System.Globalization.CultureInfo.InvariantCulture), HashAlgorithmName.SHA256, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return false;
        }

        VerifiedPasswords[stored] = quick;
        return true;
    }

    /// <summary>A random URL-safe token of <paramref name="bytes"/> random bytes (ids and key secrets).</summary>
    public static string RandomToken(int bytes) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] KeyDigest(byte[] salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var input = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(input, 0);
        secretBytes.CopyTo(input, salt.Length);
        return SHA256.HashData(input);
    }
}
