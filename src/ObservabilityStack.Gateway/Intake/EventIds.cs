using System.Security.Cryptography;

namespace ObservabilityStack.Gateway.Intake;

/// <summary>
/// Event ids for events that arrive without one: 32 hex characters of [48-bit Unix ms][32 random bits
/// chosen at process start][48-bit counter]. Time-ordered like UUIDv7 (good for Elasticsearch ids),
/// unique across restarts through the random part, and far cheaper per event than a random GUID.
/// </summary>
internal static class EventIds
{
    private static readonly uint s_process = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4));
    private static long s_counter = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8)) & 0xFFFF_FFFF;

    /// <summary>Characters (and UTF-8 bytes) in an id.</summary>
    public const int Length = 32;

    /// <summary>A new id as a string.</summary>
    public static string Next(DateTimeOffset now)
    {
        var ms = (ulong)now.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFF;
        var count = (ulong)Interlocked.Increment(ref s_counter) & 0xFFFF_FFFF_FFFF;
        return string.Create(32, (ms, count), static (span, state) =>
        {
            Hex(span[..12], state.ms);
            Hex(span.Slice(12, 8), s_process);
            Hex(span[20..], state.count);
        });
    }

    /// <summary>A new id written as 32 ASCII bytes into <paramref name="target"/> (no allocation).</summary>
    public static void Write(DateTimeOffset now, Span<byte> target)
    {
        var ms = (ulong)now.ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFF;
        var count = (ulong)Interlocked.Increment(ref s_counter) & 0xFFFF_FFFF_FFFF;
        Hex(target[..12], ms);
        Hex(target.Slice(12, 8), s_process);
        Hex(target.Slice(20, 12), count);
    }

    private static void Hex(Span<byte> target, ulong value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = "0123456789abcdef"u8[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    private static void Hex(Span<char> target, ulong value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = "0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }
    }
}
