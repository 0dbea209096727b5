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

    private static void Hex(Span<char> target, ulong value)
    {
        for (var i = target.Length - 1; i >= 0; i--)
        {
            target[i] = "0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }
    }
}
